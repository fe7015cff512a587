package at.leoben.assistant.audit;

import at.leoben.assistant.testsupport.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Benchmark, run by hand through bench/audit.sh (not part of the suite: the name matches no test
 * pattern): appends per second through the real append path with one and two writers, then
 * verification and export of 1,000,000 entries in a heap capped by the script.
 */
@QuarkusTest
class AuditBench {

  private static final int APPENDS_PER_WRITER = Integer.getInteger("bench.appends", 5000);
  private static final int TARGET_ENTRIES = Integer.getInteger("bench.entries", 1_000_000);

  @Inject AuditTrail trail;
  @Inject AuditVerifier verifier;
  @Inject AuditLog log;
  @Inject AuditSealer sealer;

  @Test
  void run() throws Exception {
    System.out.printf("[bench] max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    appends(1);
    appends(2);
    fill(TARGET_ENTRIES);
    resetPeaks();
    AuditVerification result = verifier.verify();
    System.out.printf(
        "[bench] verify: %d entries, intact=%s, %d ms, peak heap %d MB%n",
        result.entries(), result.intact(), result.durationMillis(), peakHeapMb());
    resetPeaks();
    long started = System.nanoTime();
    CountingStream out = new CountingStream();
    log.export(AuditFilter.parse(null, null, null, null, null, null, null), AuditLog.Format.JSONL).writeTo(out);
    System.out.printf(
        "[bench] export jsonl (last 30 days = all): %d MB in %d ms, peak heap %d MB%n",
        out.bytes / (1024 * 1024), (System.nanoTime() - started) / 1_000_000, peakHeapMb());
  }

  private void appends(int writers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long started = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                  QuarkusTransaction.requiringNew()
                      .run(() -> trail.recordStaffAction(
                          new StaffAction("BENCH", UUID.randomUUID(), UUID.randomUUID(), "APPROVED", "Antworttext",
                              "bench", "clerk", "Kommentar")));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("[bench] appends, %d writer(s): %.0f/s (%d in %.2f s)%n",
        writers, writers * APPENDS_PER_WRITER / seconds, writers * APPENDS_PER_WRITER, seconds);
    long sealStart = System.nanoTime();
    int sealed = sealer.sealPending();
    double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
    System.out.printf("[bench] sealing the backlog: %d entries in %.2f s (%.0f/s)%n", sealed, sealSeconds, sealed / sealSeconds);
  }

  /** Continues the chain up to {@code target} entries with COPY (the same hashes the service writes). */
  private void fill(int target) throws Exception {
    sealer.sealPending();
    long started = System.nanoTime();
    try (Connection connection = Db.connect()) {
      connection.setAutoCommit(false);
      var head = connection.createStatement().executeQuery("select seq, hash from audit_head where id = 1 for update");
      head.next();
      long seq = head.getLong(1);
      String previous = head.getString(2);
      var copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
      Instant now = AuditHash.micros(Instant.now());
      while (seq < target) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 20_000 && seq < target; i++) {
          AuditEntry e = new AuditEntry();
          e.seq = ++seq;
          e.occurredAt = now;
          e.event = "TURN";
          e.conversationId = UUID.randomUUID();
          e.messageId = UUID.randomUUID();
          e.kind = "AI_GENERATED";
          e.question = "Wann hat das Bürgerservice geöffnet? " + seq;
          e.answer = "Das Bürgerservice im Rathaus hat Montag bis Freitag von 8 bis 12 Uhr geöffnet [1].";
          e.model = "llama3.1:8b";
          e.responsibleName = "Bench";
          e.responsibleRole = "Bench";
          e.responsibleContact = "bench@leoben.at";
          e.prevHash = previous;
          e.hash = AuditHash.of(e, previous);
          previous = e.hash;
          batch.append(e.seq).append('\t').append(now).append('\t').append(e.event).append('\t')
              .append(e.conversationId).append('\t').append(e.messageId).append('\t').append(e.kind).append('\t')
              .append(e.question).append('\t').append(e.answer).append('\t').append(e.model).append('\t')
              .append("Bench\tBench\tbench@leoben.at\t").append(e.prevHash).append('\t').append(e.hash).append('\n');
        }
        copy.copyIn(
            "copy audit_entry (seq, occurred_at, event, conversation_id, message_id, kind, question, answer, model,"
                + " responsible_name, responsible_role, responsible_contact, prev_hash, hash) from stdin",
            new StringReader(batch.toString()));
      }
      try (var update = connection.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
        update.setLong(1, seq);
        update.setString(2, previous);
        update.executeUpdate();
      }
      connection.commit();
    }
    System.out.printf("[bench] filled the chain to %d entries in %d s%n", target, (System.nanoTime() - started) / 1_000_000_000);
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum()
        / (1024 * 1024);
  }

  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
