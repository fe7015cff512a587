package at.leoben.assistant.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code assistant.cases.*}: the offices that answer hand-overs, routing, key and retention. */
@ConfigMapping(prefix = "assistant.cases")
public interface CasesConfig {

  /** The offices by key (e.g. {@code buergerservice}); the key is what the API names. */
  Map<String, Office> offices();

  /**
   * Which office takes a case, by the sensitive area of the hand-over (e.g. {@code health}) or its
   * reason (e.g. {@code HUMAN_REQUESTED}); everything else goes to {@link #defaultOffice()}.
   */
  Map<String, String> routes();

  @WithDefault("buergerservice")
  String defaultOffice();

  /**
   * AES key (Base64, 32 bytes) for contact data and notes at rest. Without it the service takes
   * cases without contact data only (and says so in its log).
   */
  Optional<String> contactKey();

  /** Contact data, note and conversation of a case are deleted this many days after it closes. */
  @WithDefault("30")
  int retentionDays();

  @WithDefault("2000")
  int maxNoteLength();

  @WithDefault("8000")
  int maxReplyLength();

  /** The address of the service as the offices reach it, for the link in their e-mail. */
  @WithDefault("http://localhost:8080")
  String publicUrl();

  /** E-mail of cases; the SMTP server itself is {@code quarkus.mailer.*}. */
  Mail mail();

  interface Mail {
    /** Without SMTP (false) nothing is queued or sent: the staff inbox alone. */
    @WithDefault("false")
    boolean enabled();

    /** How often the outbox is sent ("off": not on this instance). */
    @WithDefault("30s")
    String interval();

    /** The wait after a failed attempt doubles from this … */
    @WithDefault("PT30S")
    Duration firstBackoff();

    /** … up to this. */
    @WithDefault("PT30M")
    Duration maxBackoff();

    /** Gives up (and leaves the failure for the operators) after this many attempts. */
    @WithDefault("50")
    int maxAttempts();
  }

  /** One office: its name for citizens, its e-mail for notices, its opening hours. */
  interface Office {
    String name();

    Optional<String> nameEn();

    /** Where notices of new cases go; without it the staff inbox alone. */
    Optional<String> email();

    /** Opening hours by lower-case weekday ({@code monday=08:00-12:00,13:00-16:00}). */
    Map<String, String> hours();

    /** Usernames of the clerks of this office; clerks listed nowhere see every office. */
    Optional<List<String>> clerks();
  }
}
