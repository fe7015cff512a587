package at.leoben.assistant.fallback;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The analogue channels every reply offers, with their opening hours and "open now". */
@ApplicationScoped
public class ChannelDirectory {

  private record Entry(ChannelsConfig.Channel config, WeeklySchedule schedule) {}

  private final ChannelsConfig config;
  private final Texts texts;
  private final Clock clock;
  private final List<Entry> entries;

  public ChannelDirectory(ChannelsConfig config, Texts texts, Clock clock) {
    this.config = config;
    this.texts = texts;
    this.clock = clock;
    Set<MonthDay> closed =
        config.closedDates().orElse(List.of()).stream()
            .map(day -> MonthDay.parse("--" + day.trim(), DateTimeFormatter.ofPattern("--MM-dd")))
            .collect(Collectors.toUnmodifiableSet());
    this.entries =
        config.list().stream()
            .map(channel -> new Entry(channel, WeeklySchedule.parse(channel.hours(), closed)))
            .toList();
  }

  public List<AnalogueChannel> channels(Language language) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.timeZone()));
    return entries.stream().map(entry -> toChannel(entry, language, now)).toList();
  }

  private AnalogueChannel toChannel(Entry entry, Language language, ZonedDateTime now) {
    ChannelsConfig.Channel channel = entry.config();
    String label = label(channel, language);
    List<AnalogueChannel.DayHours> hours =
        entry.schedule().days().entrySet().stream()
            .map(
                day ->
                    new AnalogueChannel.DayHours(
                        day.getKey().name(),
                        texts.get(language, "channel.day." + day.getKey().name()),
                        day.getValue().stream().map(Object::toString).toList()))
            .toList();
    // Channels without opening hours (e-mail, web) can always be used.
    boolean openNow = entry.schedule().isEmpty() || entry.schedule().isOpen(now);
    return new AnalogueChannel(channel.type(), label, channel.value(), href(channel), hours, openNow);
  }

  /**
   * German and English from the configuration (the city's own wording); the other languages from
   * their bundle ({@code channel.label.<TYPE>}), German where a bundle has none.
   */
  private String label(ChannelsConfig.Channel channel, Language language) {
    if (language == Language.DE) {
      return channel.label();
    }
    if (language == Language.EN) {
      return channel.labelEn().orElse(channel.label());
    }
    return texts.find(language, "channel.label." + channel.type().name()).orElse(channel.label());
  }

  private static String href(ChannelsConfig.Channel channel) {
    return switch (channel.type()) {
      case PHONE -> "tel:" + channel.value().replaceAll("[^+0-9]", "");
      case EMAIL -> "mailto:" + channel.value();
      case WEB -> channel.value();
      case IN_PERSON -> null;
    };
  }
}
