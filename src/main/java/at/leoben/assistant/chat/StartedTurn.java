package at.leoben.assistant.chat;

import io.smallrye.mutiny.Multi;
import java.util.Optional;

/**
 * A turn under way: the AI-Disclosure header that labels its stream from the start (when the reply
 * will or may carry model output), and its events. A stream sends them as they come; a JSON reply
 * is the last of them.
 */
record StartedTurn(Optional<String> header, Multi<StreamEvent> events) {

  /**
   * Waits for the turn's end (blocking): the reply, and the header only when the reply carries
   * the model output it announced (a fallback carries none).
   */
  TurnResult finish() {
    StreamEvent.Ending ending =
        events.filter(StreamEvent.Ending.class::isInstance)
            .map(StreamEvent.Ending.class::cast)
            .collect()
            .last()
            .await()
            .indefinitely();
    return ending instanceof StreamEvent.Done
        ? new TurnResult(ending.reply(), header)
        : new TurnResult(ending.reply(), Optional.empty());
  }
}
