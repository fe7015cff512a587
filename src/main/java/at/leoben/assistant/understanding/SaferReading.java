package at.leoben.assistant.understanding;

import java.util.Locale;
import java.util.Optional;

/**
 * The safer of the two readings, the safety net's and the model's. In order: a crisis (either
 * reader); misuse the safety net is sure of; a sensitive area (either reader, the net's area
 * first); a request for a person (either); misuse only the model read; small talk only when the
 * net reads it (the model alone never keeps a question from an answer by calling it small talk);
 * else an ordinary question.
 *
 * <p>Misuse read by the model alone is refused without a model answer: the same model would write
 * that answer, and a request for hate, voting advice or a person's address is worse answered than
 * refused. The refusal offers the human channels, so a citizen wrongly refused still reaches
 * people; the evaluator counts such false refusals per layer.
 */
public final class SaferReading {

  /** Which reader the final intent came from: both, only the net, or only the model. */
  public enum Layer {
    BOTH,
    NET,
    MODEL;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The intent that routes the turn and which reader(s) read it. */
  public record Verdict(Intent intent, Layer layer) {}

  private SaferReading() {}

  public static Verdict of(Intent net, Optional<Intent> model) {
    if (model.isEmpty()) {
      return new Verdict(net, Layer.NET);
    }
    Intent byModel = model.get();
    if (net instanceof Intent.Crisis || byModel instanceof Intent.Crisis) {
      return verdict(new Intent.Crisis(), net instanceof Intent.Crisis, byModel instanceof Intent.Crisis);
    }
    if (net instanceof Intent.Misuse) {
      return verdict(net, true, byModel instanceof Intent.Misuse);
    }
    if (net instanceof Intent.Sensitive || byModel instanceof Intent.Sensitive) {
      Intent area = net instanceof Intent.Sensitive ? net : byModel;
      return verdict(area, net instanceof Intent.Sensitive, byModel instanceof Intent.Sensitive);
    }
    if (net instanceof Intent.Person || byModel instanceof Intent.Person) {
      return verdict(new Intent.Person(), net instanceof Intent.Person, byModel instanceof Intent.Person);
    }
    if (byModel instanceof Intent.Misuse) {
      return new Verdict(byModel, Layer.MODEL);
    }
    if (net instanceof Intent.SmallTalk) {
      return verdict(net, true, byModel instanceof Intent.SmallTalk);
    }
    return verdict(new Intent.Ordinary(), true, byModel instanceof Intent.Ordinary);
  }

  private static Verdict verdict(Intent intent, boolean byNet, boolean byModel) {
    return new Verdict(intent, byNet && byModel ? Layer.BOTH : byNet ? Layer.NET : Layer.MODEL);
  }
}
