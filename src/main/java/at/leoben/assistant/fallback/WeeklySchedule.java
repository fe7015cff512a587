package at.leoben.assistant.fallback;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Opening hours per weekday, closed on public holidays and configured closing days. */
public final class WeeklySchedule {

  record Interval(LocalTime from, LocalTime to) {
    Interval {
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("opening interval ends before it starts: " + from + "-" + to);
      }
    }

    boolean contains(LocalTime time) {
      return !time.isBefore(from) && time.isBefore(to);
    }

    @Override
    public String toString() {
      return from + "–" + to;
    }
  }

  private final Map<DayOfWeek, List<Interval>> days;
  private final Set<MonthDay> closedDates;

  private WeeklySchedule(Map<DayOfWeek, List<Interval>> days, Set<MonthDay> closedDates) {
    this.days = days;
    this.closedDates = closedDates;
  }

  /** Parses {@code monday=07:30-12:30,13:30-16:00}; a malformed entry stops the start-up. */
  public static WeeklySchedule parse(Map<String, String> hours, Set<MonthDay> closedDates) {
    Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
    hours.forEach(
        (day, spec) -> {
          DayOfWeek weekday;
          try {
            weekday = DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown weekday in opening hours: " + day, e);
          }
          List<Interval> intervals = new ArrayList<>();
          for (String part : spec.split(",")) {
            String[] fromTo = part.trim().split("-");
            if (fromTo.length != 2) {
              throw new IllegalArgumentException("opening hours must look like 08:00-12:00: " + part);
            }
            try {
              intervals.add(new Interval(LocalTime.parse(fromTo[0].trim()), LocalTime.parse(fromTo[1].trim())));
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException("opening hours must look like 08:00-12:00: " + part, e);
            }
          }
          days.put(weekday, List.copyOf(intervals));
        });
    return new WeeklySchedule(days, closedDates);
  }

  public boolean isEmpty() {
    return days.isEmpty();
  }

  public boolean isOpen(ZonedDateTime now) {
    LocalDate date = now.toLocalDate();
    if (isClosedDay(date)) {
      return false;
    }
    return days.getOrDefault(now.getDayOfWeek(), List.of()).stream()
        .anyMatch(interval -> interval.contains(now.toLocalTime()));
  }

  /** The opening hours of each weekday that has any, Monday first. */
  Map<DayOfWeek, List<Interval>> days() {
    return days;
  }

  /**
   * The opening period that is running at {@code now} or comes next (within four weeks), in the
   * time zone of {@code now}; empty when the schedule has no opening hours at all.
   */
  public Optional<Period> currentOrNext(ZonedDateTime now) {
    for (int offset = 0; offset < 28; offset++) {
      LocalDate date = now.toLocalDate().plusDays(offset);
      if (isClosedDay(date)) {
        continue;
      }
      for (Interval interval : days.getOrDefault(date.getDayOfWeek(), List.of())) {
        ZonedDateTime end = date.atTime(interval.to()).atZone(now.getZone());
        if (end.isAfter(now)) {
          ZonedDateTime start = date.atTime(interval.from()).atZone(now.getZone());
          return Optional.of(new Period(start.isBefore(now) ? now : start, end));
        }
      }
    }
    return Optional.empty();
  }

  /** An opening period: from (never before the moment asked about) to its closing time. */
  public record Period(ZonedDateTime from, ZonedDateTime to) {}

  private boolean isClosedDay(LocalDate date) {
    return AustrianHolidays.isHoliday(date) || closedDates.contains(MonthDay.from(date));
  }
}
