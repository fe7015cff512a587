package at.leoben.assistant.notice;

import at.leoben.assistant.staff.StaffMember;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The notices and the AI switch in PostgreSQL, where every instance reads them. */
@ApplicationScoped
class ControlStore {

  private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

  private final ObjectMapper json;

  ControlStore(ObjectMapper json) {
    this.json = json;
  }

  /** The notice not ended yet (shown now, later, or over by its end time), if any. */
  @Transactional(TxType.SUPPORTS)
  Optional<Notice> open() {
    return NoticeRow.<NoticeRow>find("endedAt is null order by setAt desc").firstResultOptional().map(this::view);
  }

  @Transactional(TxType.SUPPORTS)
  List<Notice> history(int limit) {
    return NoticeRow.<NoticeRow>find("order by setAt desc").page(0, limit).list().stream().map(this::view).toList();
  }

  /** Ends the open notice (if any) and stores the new one; in the caller's transaction. */
  @Transactional(TxType.MANDATORY)
  Notice replace(Map<String, String> texts, Severity severity, String link, Instant from, Instant until, StaffMember by, Instant now) {
    end(by, now);
    NoticeRow row = new NoticeRow();
    row.id = UUID.randomUUID();
    row.texts = write(texts);
    row.severity = severity;
    row.link = link;
    row.startsAt = from;
    row.endsAt = until;
    row.setBy = by.username();
    row.setRole = by.role();
    row.setAt = now;
    row.persist();
    return view(row);
  }

  /** Ends the open notice; the one ended, if there was one. */
  @Transactional(TxType.MANDATORY)
  Optional<Notice> end(StaffMember by, Instant now) {
    List<NoticeRow> open = NoticeRow.list("endedAt is null");
    open.forEach(
        row -> {
          row.endedAt = now;
          row.endedBy = by.username();
        });
    return open.stream().max((a, b) -> a.setAt.compareTo(b.setAt)).map(this::view);
  }

  /** The newest change of each channel that has one. */
  @Transactional(TxType.SUPPORTS)
  Map<AiChannel, SwitchChange> switches() {
    Map<AiChannel, SwitchChange> latest = new EnumMap<>(AiChannel.class);
    for (AiChannel channel : AiChannel.values()) {
      SwitchRow.<SwitchRow>find("channel = ?1 order by id desc", channel)
          .firstResultOptional()
          .ifPresent(row -> latest.put(channel, row.view()));
    }
    return latest;
  }

  @Transactional(TxType.SUPPORTS)
  List<SwitchChange> switchHistory(int limit) {
    return SwitchRow.<SwitchRow>find("order by id desc").page(0, limit).list().stream().map(SwitchRow::view).toList();
  }

  @Transactional(TxType.MANDATORY)
  void change(List<AiChannel> channels, boolean enabled, String reason, Instant until, StaffMember by, Instant now) {
    for (AiChannel channel : channels) {
      SwitchRow row = new SwitchRow();
      row.channel = channel;
      row.enabled = enabled;
      row.reason = reason;
      row.until = until;
      row.changedBy = by.username();
      row.changedRole = by.role();
      row.changedAt = now;
      row.persist();
    }
  }

  private Notice view(NoticeRow row) {
    return new Notice(
        row.id, read(row.texts), row.severity, row.link, row.startsAt, row.endsAt, row.setBy, row.setRole, row.setAt, row.endedAt, row.endedBy);
  }

  private String write(Map<String, String> texts) {
    try {
      return json.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  private Map<String, String> read(String texts) {
    try {
      return json.readValue(texts, TEXTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("service_notice.texts is written as JSON by this class", e);
    }
  }
}
