package at.leoben.assistant.knowledge.sources;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A source's schedule: a cron expression in the scheduler's (Quartz) format, seconds first, in
 * Vienna time, or one of the names {@code nightly}, {@code hourly}, {@code weekly}.
 */
final class Schedules {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  private static final Map<String, String> NAMED = Map.of("hourly", "0 0 * * * ?", "weekly", "0 0 3 ? * MON");

  private Schedules() {}

  /** The cron expression a schedule stands for; empty when it is none. */
  static Optional<String> resolve(String schedule, String nightly) {
    String name = schedule.strip().toLowerCase(Locale.ROOT);
    String expression = name.equals("nightly") ? nightly : NAMED.getOrDefault(name, schedule.strip());
    try {
      PARSER.parse(expression).validate();
      return Optional.of(expression);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** When a source with this schedule is due next, after {@code now}. */
  static Instant next(String expression, Instant now) {
    Cron cron = PARSER.parse(expression);
    return ExecutionTime.forCron(cron)
        .nextExecution(now.atZone(VIENNA))
        .map(time -> time.toInstant())
        // A schedule that never comes again (a date in the past) is checked in a year.
        .orElse(now.plusSeconds(365L * 24 * 3600));
  }
}
