package at.leoben.assistant.notice;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notice for every visitor of the chat: set (replacing the one before) and ended by staff,
 * each change audited with who did it; read by the chat and the widget from {@link ControlState}.
 */
@ApplicationScoped
public class Notices {

  /** The languages of the citizen API; a notice may have a text for each. */
  static final Set<String> LANGUAGES = Set.of("de", "en", "bs", "hr", "sr", "tr", "ro", "hu", "uk", "ar");

  private static final int MAX_LINK = 2000;
  private static final int HISTORY = 50;

  private final ControlStore store;
  private final ControlState state;
  private final AuditTrail audit;
  private final NoticeConfig config;
  private final Clock clock;

  Notices(ControlStore store, ControlState state, AuditTrail audit, NoticeConfig config, Clock clock) {
    this.store = store;
    this.state = state;
    this.audit = audit;
    this.config = config;
    this.clock = clock;
  }

  /** The notice shown now, in a language (German where it has no text in that one). */
  public Optional<PublicNotice> current(String language) {
    return state.notice().map(notice -> notice.forCitizens(language));
  }

  /**
   * Checks and stores a notice; it replaces the one before. Nothing changes on bad input. Read again
   * right after the commit, so this instance shows it with the very next request.
   */
  public Notice set(NoticeInput input, StaffMember by) {
    if (input == null) {
      throw ProblemException.badRequest("problem.notice.text.german");
    }
    Map<String, String> texts = texts(input.text());
    Severity severity =
        Severity.parse(input.severity()).orElseThrow(() -> ProblemException.badRequest("problem.notice.severity"));
    String link = link(input.link());
    Instant now = Instant.now(clock);
    Instant from = Times.parse(input.from(), "from");
    Instant until = Times.parse(input.until(), "until");
    if (until != null && !until.isAfter(now)) {
      throw ProblemException.badRequest("problem.notice.until.past");
    }
    if (from != null && until != null && !until.isAfter(from)) {
      throw ProblemException.badRequest("problem.notice.until.before-from");
    }
    Instant start = from == null || from.isBefore(now) ? now : from;
    Notice notice =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Notice stored = store.replace(texts, severity, link, start, until, by, now);
                  audit.recordControl(
                      AuditTrail.NOTICE,
                      "SET",
                      stored.text().get(Notice.GERMAN),
                      by.username(),
                      by.role(),
                      "severity=" + severity.code() + " from=" + start + " until=" + (until == null ? "-" : until)
                          + (link == null ? "" : " link=" + link));
                  return stored;
                });
    state.refresh();
    return notice;
  }

  /** Ends the notice (shown or scheduled); 404 when there is none. */
  public Notice end(StaffMember by) {
    Notice ended =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Notice notice =
                      store.end(by, Instant.now(clock))
                          .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "problem.not-found.title", "problem.notice.none"));
                  audit.recordControl(
                      AuditTrail.NOTICE,
                      "ENDED",
                      notice.text().get(Notice.GERMAN),
                      by.username(),
                      by.role(),
                      "set by " + notice.setBy() + " at " + notice.setAt());
                  return notice;
                });
    state.refresh();
    return ended;
  }

  /** The notice shown now, with all its texts. */
  public Optional<Notice> shown() {
    return state.notice();
  }

  /**
   * The notices that have shown (or show now), newest first, in a language: for the public
   * transparency page. One replaced before it began never showed and is left out.
   */
  public List<PastNotice> shownSoFar(String language) {
    Instant now = Instant.now(clock);
    return store.history(HISTORY).stream()
        .filter(n -> !n.from().isAfter(now) && (n.endedAt() == null || n.endedAt().isAfter(n.from())))
        .map(
            n -> {
              // Over at whichever came first: ended by hand, or its end time if that has passed.
              Instant to = n.endedAt();
              if (n.until() != null && !n.until().isAfter(now) && (to == null || n.until().isBefore(to))) {
                to = n.until();
              }
              PublicNotice text = n.forCitizens(language);
              return new PastNotice(text.text(), n.severity(), n.link(), n.from(), to);
            })
        .toList();
  }

  /** Every notice, newest first (the last {@value #HISTORY}). */
  public List<Notice> history() {
    return store.history(HISTORY);
  }

  private Map<String, String> texts(Map<String, String> given) {
    if (given == null) {
      throw ProblemException.badRequest("problem.notice.text.german");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String language = entry.getKey() == null ? "" : entry.getKey().strip().toLowerCase(Locale.ROOT);
      if (!LANGUAGES.contains(language)) {
        throw ProblemException.badRequest("problem.notice.text.language", entry.getKey());
      }
      String text = entry.getValue() == null ? "" : entry.getValue().strip();
      if (text.codePointCount(0, text.length()) > config.maxLength()) {
        throw ProblemException.badRequest("problem.notice.text.too-long", language, config.maxLength());
      }
      if (!text.isEmpty()) {
        texts.put(language, text);
      }
    }
    if (!texts.containsKey(Notice.GERMAN)) {
      throw ProblemException.badRequest("problem.notice.text.german");
    }
    return texts;
  }

  /** An absolute http(s) address with a host, or nothing. */
  private static String link(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String text = link.strip();
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (text.length() > MAX_LINK
          || !(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        throw ProblemException.badRequest("problem.notice.link");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw ProblemException.badRequest("problem.notice.link");
    }
  }
}
