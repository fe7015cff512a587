package at.leoben.assistant.disclosure;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The human who answers for the assistant's output ({@code ASSISTANT_RESPONSIBLE_*}). Optional
 * here only so that {@link ResponsibleCheck} can refuse the start with a clear message.
 */
@ConfigMapping(prefix = "assistant.responsible")
public interface ResponsibleConfig {
  Optional<String> name();

  Optional<String> role();

  Optional<String> contact();
}
