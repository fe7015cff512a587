package at.leoben.assistant.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening hours as citizens see them: "open now" in Vienna time, closed on holidays. */
class WeeklyScheduleTest {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

  // The Bürgerservice hours from application.properties.
  private static final Map<String, String> OFFICE_HOURS =
      Map.of(
          "monday", "07:30-12:30,13:30-16:00",
          "tuesday", "07:30-12:30,13:30-16:00",
          "wednesday", "07:30-12:30,13:30-16:00",
          "thursday", "07:30-12:30,13:30-18:00",
          "friday", "07:30-12:30");

  private static final WeeklySchedule OFFICE =
      WeeklySchedule.parse(OFFICE_HOURS, Set.of(MonthDay.of(12, 24), MonthDay.of(12, 31)));

  private static ZonedDateTime vienna(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(VIENNA);
  }

  @Test
  void parsesTwoIntervalsOfADay() {
    assertEquals(
        List.of(
            new WeeklySchedule.Interval(LocalTime.of(7, 30), LocalTime.of(12, 30)),
            new WeeklySchedule.Interval(LocalTime.of(13, 30), LocalTime.of(16, 0))),
        OFFICE.days().get(DayOfWeek.MONDAY));
    assertEquals("07:30–12:30", OFFICE.days().get(DayOfWeek.MONDAY).get(0).toString());
  }

  @Test
  void listsOnlyDaysWithHoursMondayFirst() {
    // Map.of has no order; citizens must still see Monday..Friday in order.
    assertEquals(
        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
        List.copyOf(OFFICE.days().keySet()));
    assertFalse(OFFICE.isEmpty());
    assertTrue(WeeklySchedule.parse(Map.of(), Set.of()).isEmpty());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // Monday 2026-03-09
    "2026-03-09T09:00, open",
    "2026-03-09T07:29:59, closed",
    "2026-03-09T07:30, open", // the start belongs to the interval
    "2026-03-09T12:29:59, open",
    "2026-03-09T12:30, closed", // the end does not
    "2026-03-09T13:00, closed", // lunch break
    "2026-03-09T13:30, open",
    "2026-03-09T16:00, closed",
    "2026-03-09T20:00, closed",
    // Thursday is the long day, Friday the short one
    "2026-03-12T17:30, open",
    "2026-03-12T18:00, closed",
    "2026-03-13T10:00, open",
    "2026-03-13T14:00, closed",
    // weekend
    "2026-03-14T10:00, closed",
    "2026-03-15T10:00, closed",
  })
  void openOnlyWithinTheIntervalsOfTheDay(String dateTime, String expected) {
    assertEquals(expected.equals("open"), OFFICE.isOpen(vienna(dateTime)));
  }

  @ParameterizedTest(name = "{0} ({1}) is closed")
  @CsvSource({
    "2026-01-06, Heilige Drei Koenige",
    "2026-04-06, Ostermontag",
    "2026-05-14, Christi Himmelfahrt",
    "2026-05-25, Pfingstmontag",
    "2026-06-04, Fronleichnam",
    "2026-10-26, Nationalfeiertag",
    "2026-12-08, Mariae Empfaengnis",
  })
  void closedOnAustrianPublicHolidaysThatFallOnWorkdays(LocalDate date, String holiday) {
    assertTrue(OFFICE.days().containsKey(date.getDayOfWeek()), "test date must be an office day");
    assertFalse(OFFICE.isOpen(date.atTime(10, 0).atZone(VIENNA)), holiday);
  }

  @Test
  void workdaysNextToHolidaysStayOpen() {
    assertTrue(OFFICE.isOpen(vienna("2026-04-07T10:00")), "Tuesday after Easter Monday");
    assertTrue(OFFICE.isOpen(vienna("2026-12-23T10:00")), "Wednesday before Christmas Eve");
    assertTrue(OFFICE.isOpen(vienna("2026-06-05T10:00")), "Friday after Corpus Christi");
  }

  @Test
  void closedOnConfiguredClosingDays() {
    ZonedDateTime christmasEve = vienna("2026-12-24T10:00"); // a Thursday, no statutory holiday
    assertFalse(AustrianHolidays.isHoliday(christmasEve.toLocalDate()));
    assertFalse(OFFICE.isOpen(christmasEve));
    // Without the configured day the office would be open: the closure comes from configuration.
    assertTrue(WeeklySchedule.parse(OFFICE_HOURS, Set.of()).isOpen(christmasEve));
  }

  @ParameterizedTest
  @CsvSource({
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2008, 2008-03-23",
    "2011, 2011-04-24",
  })
  void easterSunday(int year, LocalDate expected) {
    assertEquals(expected, AustrianHolidays.easterSunday(year));
  }

  @Test
  void movableHolidaysFollowEaster() {
    assertTrue(AustrianHolidays.isHoliday(LocalDate.of(2027, 3, 29)), "Ostermontag 2027");
    assertTrue(AustrianHolidays.isHoliday(LocalDate.of(2027, 5, 17)), "Pfingstmontag 2027");
    assertTrue(AustrianHolidays.isHoliday(LocalDate.of(2027, 5, 27)), "Fronleichnam 2027");
    assertFalse(AustrianHolidays.isHoliday(LocalDate.of(2027, 4, 6)), "2026's Easter Monday date in 2027");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "monday | 8-12 | 08:00-12:00",
        "monday | 07:30 | 08:00-12:00",
        "monday | 07:30-12:30,13:30 | 13:30",
        "monday | 12:00-08:00 | ends before it starts",
        "monday | 12:00-12:00 | ends before it starts",
        "montag | 08:00-12:00 | unknown weekday",
      })
  void malformedHoursStopTheStartWithAClearMessage(String day, String hours, String messagePart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.parse(Map.of(day, hours), Set.of()));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
