package at.leoben.assistant.chat;

import at.leoben.assistant.guard.InputGuard;
import at.leoben.assistant.guard.InputVerdict;
import at.leoben.assistant.guard.SensitiveArea;
import at.leoben.assistant.understanding.Intent;
import at.leoben.assistant.understanding.ModelReader;
import at.leoben.assistant.understanding.ModelReading;
import at.leoben.assistant.understanding.SaferReading;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Reads a turn with both readers: the safety net (with the guard's own lists) on every turn, the
 * model when it may; routing takes the safer verdict ({@link SaferReading}).
 */
@ApplicationScoped
class TurnReading {

  private final InputGuard guard;
  private final ModelReader reader;

  TurnReading(InputGuard guard, ModelReader reader) {
    this.guard = guard;
    this.reader = reader;
  }

  /** Whether the model may read now (switched on, approved, breaker closed); it may still step aside when busy. */
  boolean modelMayRead() {
    return reader.mayRead();
  }

  /** The safety net alone: the AI is switched off, or a turn from inside the service. */
  Understood net(String question) {
    return new Understood(guard.check(question), Optional.empty());
  }

  /** Both readers; the model's reading takes at most its timeout, and only a free slot. */
  Understood read(TurnService.Turn turn) {
    InputVerdict net = guard.check(turn.question());
    // Nothing is safer than the crisis reply, and it must not wait for a model.
    if (net instanceof InputVerdict.Sensitive sensitive && sensitive.area() == SensitiveArea.CRISIS) {
      return new Understood(net, Optional.empty());
    }
    ConversationRef conversation = turn.conversation();
    // The history holds no turn that went to people (ConversationStore.history).
    Optional<ModelReading> reading = reader.read(conversation.id(), turn.question(), conversation.history());
    SaferReading.Verdict verdict = reader.route(intent(net), reading);
    InputVerdict routed = verdict.layer() == SaferReading.Layer.MODEL ? verdict(verdict.intent()) : net;
    return new Understood(routed, reading.flatMap(ModelReading::standaloneQuestion));
  }

  private static Intent intent(InputVerdict verdict) {
    if (verdict instanceof InputVerdict.Sensitive sensitive) {
      return sensitive.area() == SensitiveArea.CRISIS ? new Intent.Crisis() : new Intent.Sensitive(sensitive.area().key());
    }
    if (verdict instanceof InputVerdict.HumanRequested) {
      return new Intent.Person();
    }
    if (verdict instanceof InputVerdict.Misuse) {
      return new Intent.Misuse();
    }
    return verdict instanceof InputVerdict.SmallTalk ? new Intent.SmallTalk() : new Intent.Ordinary();
  }

  private static InputVerdict verdict(Intent intent) {
    if (intent instanceof Intent.Crisis) {
      return new InputVerdict.Sensitive(SensitiveArea.CRISIS);
    }
    if (intent instanceof Intent.Sensitive sensitive) {
      return new InputVerdict.Sensitive(SensitiveArea.ofKey(sensitive.area()));
    }
    if (intent instanceof Intent.Person) {
      return new InputVerdict.HumanRequested();
    }
    if (intent instanceof Intent.Misuse) {
      return new InputVerdict.Misuse();
    }
    return intent instanceof Intent.SmallTalk ? new InputVerdict.SmallTalk() : new InputVerdict.Pass();
  }
}
