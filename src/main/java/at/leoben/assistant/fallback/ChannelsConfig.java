package at.leoben.assistant.fallback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The human, analogue ways to the city: {@code assistant.channels.*}. */
@ConfigMapping(prefix = "assistant.channels")
public interface ChannelsConfig {

  @WithDefault("Europe/Vienna")
  ZoneId timeZone();

  /** Days (MM-dd) on which the offices are closed besides Austrian public holidays. */
  Optional<List<String>> closedDates();

  List<Channel> list();

  interface Channel {
    ChannelType type();

    String label();

    Optional<String> labelEn();

    String value();

    /** Opening hours by lower-case weekday, e.g. {@code monday=07:30-12:30,13:30-16:00}. */
    Map<String, String> hours();
  }
}
