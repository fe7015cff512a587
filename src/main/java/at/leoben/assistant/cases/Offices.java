package at.leoben.assistant.cases;

import at.leoben.assistant.chat.ReplyReason;
import at.leoben.assistant.fallback.ChannelsConfig;
import at.leoben.assistant.fallback.WeeklySchedule;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The offices that answer cases: which one takes a case (by sensitive area, then reason, then the
 * default), their names, and when they will answer (their opening hours, Vienna time, closed on
 * holidays like the analogue channels).
 */
@ApplicationScoped
public class Offices {

  /** When an office has no opening hours, the promise is this long. */
  private static final Duration WITHOUT_HOURS = Duration.ofDays(3);

  /** One office as configured, with its parsed opening hours. */
  public record Office(String key, String name, String nameEn, Optional<String> email, WeeklySchedule hours, List<String> clerks) {
    public String name(Language language) {
      return language == Language.EN ? nameEn : name;
    }
  }

  /** When the office will take the case up ({@code from}) and answer it at the latest ({@code by}). */
  public record Promise(ZonedDateTime from, Instant by) {}

  private final Map<String, Office> offices;
  private final Map<String, String> routes;
  private final String defaultOffice;
  private final ZoneId zone;

  Offices(CasesConfig config, ChannelsConfig channels) {
    Set<MonthDay> closed =
        channels.closedDates().orElse(List.of()).stream()
            .map(day -> MonthDay.parse("--" + day.trim(), DateTimeFormatter.ofPattern("--MM-dd")))
            .collect(Collectors.toUnmodifiableSet());
    this.offices = new TreeMap<>();
    config
        .offices()
        .forEach(
            (key, office) ->
                offices.put(
                    key,
                    new Office(
                        key,
                        office.name(),
                        office.nameEn().orElse(office.name()),
                        office.email().filter(e -> !e.isBlank()),
                        WeeklySchedule.parse(office.hours(), closed),
                        office.clerks().orElse(List.of()))));
    this.routes = Map.copyOf(config.routes());
    this.defaultOffice = config.defaultOffice();
    this.zone = channels.timeZone();
    if (!offices.containsKey(defaultOffice)) {
      throw new IllegalStateException("assistant.cases.default-office names no configured office: " + defaultOffice);
    }
    routes.forEach(
        (route, office) -> {
          if (!offices.containsKey(office)) {
            throw new IllegalStateException("assistant.cases.routes." + route + " names no configured office: " + office);
          }
        });
  }

  /** The office for a hand-over: its sensitive area first, then why it was handed over. */
  Office route(ReplyReason reason, String area) {
    String key = null;
    if (area != null) {
      key = routes.get(area);
    }
    if (key == null && reason != null) {
      key = routes.get(reason.name());
    }
    return offices.get(key == null ? defaultOffice : key);
  }

  Optional<Office> find(String key) {
    return Optional.ofNullable(key == null ? null : offices.get(key));
  }

  public List<Office> all() {
    return List.copyOf(offices.values());
  }

  /** The offices whose cases a member of staff works on: admins and unassigned clerks all. */
  List<String> of(StaffMember member) {
    if (member.isAdmin()) {
      return List.copyOf(offices.keySet());
    }
    List<String> own =
        offices.values().stream().filter(o -> o.clerks().contains(member.username())).map(Office::key).toList();
    return own.isEmpty() ? List.copyOf(offices.keySet()) : own;
  }

  /** The next opening period from {@code now}: the office takes the case up then, and answers before it closes. */
  Promise promise(Office office, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    return office
        .hours()
        .currentOrNext(local)
        .map(period -> new Promise(period.from(), period.to().toInstant()))
        .orElseGet(() -> new Promise(local, now.plus(WITHOUT_HOURS)));
  }
}
