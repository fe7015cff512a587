package at.leoben.assistant.disclosure;

import at.leoben.assistant.llm.ModelOutput;
import java.util.Objects;

/**
 * Model output together with its disclosure: the only form in which AI text may leave the
 * service. Built only by {@link Disclosures}.
 */
public record DisclosedAnswer(String text, Disclosure disclosure, Usage usage) {

  /** What the answer cost, for the audit. */
  public record Usage(String promptVersion, Integer inputTokens, Integer outputTokens, long latencyMillis) {
    static Usage of(ModelOutput output) {
      return new Usage(
          output.promptVersion(), output.inputTokens(), output.outputTokens(), output.latency().toMillis());
    }
  }

  /** A stored AI answer given again: it keeps the disclosure it was first given with. */
  public static DisclosedAnswer reused(String text, Disclosure original) {
    return new DisclosedAnswer(text, original, new Usage(null, 0, 0, 0));
  }

  public DisclosedAnswer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(disclosure, "an AI answer needs its disclosure");
    Objects.requireNonNull(usage, "usage");
  }
}
