package at.leoben.assistant.cases;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case e-mails against a real SMTP server: the office gets one notice without personal data,
 * the citizen gets the clerk's reply, and an SMTP outage delays a mail but neither loses nor
 * doubles it. Nothing of the contact data reaches the log.
 */
@QuarkusTest
@TestProfile(CaseMailTest.WithSmtp.class)
@QuarkusTestResource(OllamaStandInResource.class)
class CaseMailTest {

  /** SMTP on, the outbox worked off by the test (not the schedule), retries at once. */
  public static class WithSmtp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.cases.mail.enabled", "true",
          "assistant.cases.mail.interval", "off",
          "assistant.cases.mail.first-backoff", "PT0S",
          "assistant.cases.public-url", "https://assistent.leoben.at");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(MailServer.class));
    }
  }

  private static final String PERSON = "Ich möchte mit einem Menschen sprechen";

  /**
   * Mails sent by the job's runs until one sends something (at most three): a send that fails is
   * retried by the next run (at once in this profile), as in production. Against the test's SMTP
   * server a first send now and then hangs until the mailer's timeout; that must cost a retry, not
   * a mail, nor send one twice (the tests count what arrived).
   */
  private int sentWithRetries() {
    for (int run = 0; run < 3; run++) {
      int sent = job.sendDue();
      if (sent > 0) {
        return sent;
      }
    }
    return 0;
  }
  private static final String EMAIL = "maria.muster@example.at";

  @Inject CaseMailJob job;

  @BeforeEach
  void clean() throws Exception {
    MailServer.up();
    job.sendDue(); // whatever earlier tests left in the outbox
    MailServer.clear();
  }

  @Test
  void theOfficeGetsOneNoticeWithALinkAndNoPersonalData() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      Handover handover = Handover.of(PERSON, Map.of("consent", true, "contact", Map.of("email", EMAIL), "note", "Meine Adresse ist Hauptplatz 1"));

      assertThat(sentWithRetries()).isEqualTo(1);
      assertThat(job.sendDue()).isZero();

      List<MimeMessage> mails = MailServer.received();
      assertThat(mails).hasSize(1);
      MimeMessage notice = mails.get(0);
      assertThat(notice.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("buergerservice@leoben.at");
      String number = Db.rows("select number from handover_case where id = ?", UUID.fromString(handover.caseId())).get(0).get("number").toString();
      assertThat(notice.getSubject()).contains(number).contains("Bürgerservice");
      String body = notice.getContent().toString();
      assertThat(body).contains("https://assistent.leoben.at/staff/cases/item?id=" + handover.caseId());
      assertThat(body).doesNotContain(EMAIL).doesNotContain("Hauptplatz").doesNotContain(PERSON);
      assertThat(log.lines()).noneMatch(line -> line.contains(EMAIL) || line.contains("Hauptplatz"));
    }
  }

  @Test
  void whileSmtpIsDownTheMailWaitsAndIsSentExactlyOnceWhenItIsBack() throws Exception {
    MailServer.down();
    Handover handover = Handover.of(PERSON, Map.of("consent", true));
    UUID caseId = UUID.fromString(handover.caseId());

    // The case is stored although the mail cannot go.
    handover.read().then().statusCode(200);
    assertThat(job.sendDue()).isZero();
    assertThat(job.sendDue()).isZero();
    Map<String, Object> queued = Db.rows("select attempts, sent_at, failure from case_mail where case_id = ?", caseId).get(0);
    assertThat(((Number) queued.get("attempts")).intValue()).isEqualTo(2);
    assertThat(queued.get("sent_at")).isNull();
    assertThat(queued.get("failure")).isNotNull();

    MailServer.up();
    assertThat(sentWithRetries()).isEqualTo(1);
    assertThat(job.sendDue()).isZero();
    assertThat(MailServer.received()).hasSize(1);
    assertThat(Db.rows("select sent_at from case_mail where case_id = ?", caseId).get(0).get("sent_at")).isNotNull();
  }

  @Test
  void aReplyByEmailReachesTheCitizenAsWrittenByAPerson() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      Handover handover = Handover.of(PERSON, Map.of("consent", true, "contact", Map.of("email", EMAIL)));
      sentWithRetries();
      MailServer.clear();

      Staff.asClerk().post("/api/v1/admin/cases/" + handover.caseId() + "/claim").then().statusCode(200);
      Staff.asClerk()
          .body(Map.of("text", "Sie können den Antrag auch online einbringen.", "channel", "email"))
          .post("/api/v1/admin/cases/" + handover.caseId() + "/reply")
          .then()
          .statusCode(200);
      assertThat(sentWithRetries()).isEqualTo(1);

      List<MimeMessage> mails = MailServer.received();
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(EMAIL);
      String body = mails.get(0).getContent().toString();
      assertThat(body).contains("Sie können den Antrag auch online einbringen.").contains("Mitarbeiter").doesNotContain("KI-generiert");
      assertThat(log.lines()).noneMatch(line -> line.contains(EMAIL));
    }
  }

  @Test
  void aDeletedCaseSendsNothing() throws Exception {
    Handover handover = Handover.of(PERSON, Map.of("consent", true));
    io.restassured.RestAssured.given().header("X-Conversation-Token", handover.token()).delete("/api/v1/cases/" + handover.caseId()).then().statusCode(204);
    assertThat(job.sendDue()).isZero();
    assertThat(MailServer.received()).isEmpty();
  }
}
