package at.leoben.assistant.web;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code assistant.widget.*}: the websites (origins) that may embed the chat widget. */
@ConfigMapping(prefix = "assistant.widget")
public interface WidgetConfig {

  /** E.g. https://www.leoben.at; without any, only pages served by the service itself may call it. */
  Optional<List<String>> allowedOrigins();
}
