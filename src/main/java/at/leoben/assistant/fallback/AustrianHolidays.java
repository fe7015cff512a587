package at.leoben.assistant.fallback;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/** Austria's statutory public holidays (Feiertagsruhegesetz), on which the offices are closed. */
final class AustrianHolidays {

  private static final Set<MonthDay> FIXED =
      Set.of(
          MonthDay.of(1, 1), // Neujahr
          MonthDay.of(1, 6), // Heilige Drei Könige
          MonthDay.of(5, 1), // Staatsfeiertag
          MonthDay.of(8, 15), // Mariä Himmelfahrt
          MonthDay.of(10, 26), // Nationalfeiertag
          MonthDay.of(11, 1), // Allerheiligen
          MonthDay.of(12, 8), // Mariä Empfängnis
          MonthDay.of(12, 25), // Christtag
          MonthDay.of(12, 26)); // Stefanitag

  /** Ostermontag, Christi Himmelfahrt, Pfingstmontag, Fronleichnam: days after Easter Sunday. */
  private static final int[] AFTER_EASTER = {1, 39, 50, 60};

  private AustrianHolidays() {}

  static boolean isHoliday(LocalDate date) {
    if (FIXED.contains(MonthDay.from(date))) {
      return true;
    }
    LocalDate easter = easterSunday(date.getYear());
    for (int days : AFTER_EASTER) {
      if (date.equals(easter.plusDays(days))) {
        return true;
      }
    }
    return false;
  }

  /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
