package at.leoben.assistant.chat;

import at.leoben.assistant.i18n.Language;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A citizen's first question through the whole turn pipeline, for callers inside the service
 * (the bias probe): the same guards, knowledge, model, disclosure and audit as the REST API.
 */
@ApplicationScoped
public class CitizenChat {

  private final TurnService turns;
  private final TurnPipeline pipeline;

  CitizenChat(TurnService turns, TurnPipeline pipeline) {
    this.turns = turns;
    this.pipeline = pipeline;
  }

  /** Always asks the model: a probe must measure answers, not reuse earlier ones. */
  public ChatReply ask(String message, Language language) {
    TurnService.Turn begun = turns.begin(new ChatRequest(message, null, null, language, null), null);
    TurnService.Turn turn = new TurnService.Turn(begun.question(), null, begun.conversation(), false);
    return pipeline.start(turn, turns.plan(turn), Delivery.WHOLE).finish().reply();
  }
}
