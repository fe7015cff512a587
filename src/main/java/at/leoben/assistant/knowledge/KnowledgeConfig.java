package at.leoben.assistant.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code assistant.knowledge.*}: where the city's knowledge comes from and how it is searched. */
@ConfigMapping(prefix = "assistant.knowledge")
public interface KnowledgeConfig {

  /** A folder of Markdown files imported at start-up and by the import endpoint. */
  Optional<Path> folder();

  /** Import the starter knowledge shipped with the service at start-up (newer files only). */
  @WithDefault("true")
  boolean importStarter();

  /** Documents not updated for this long show as stale to admins. */
  @WithDefault("365d")
  Duration staleAfter();

  @WithDefault("1200")
  int maxPassageChars();

  /** How many passages a prompt gets at most. */
  @WithDefault("4")
  int topPassages();

  /**
   * Budget for all passages of one prompt, in estimated tokens
   * (ASSISTANT_KNOWLEDGE_PROMPT_BUDGET_TOKENS): the prompt's size is the model host's prefill time.
   */
  @WithDefault("1000")
  int promptBudgetTokens();

  /**
   * The character budget of earlier versions (ASSISTANT_KNOWLEDGE_PROMPT_BUDGET_CHARS): still
   * honoured when set, in addition to the token budget. Prefer {@link #promptBudgetTokens()}.
   */
  OptionalInt promptBudgetChars();

  /**
   * Passages ranked below this are not relevant enough to answer from. Calibrated on the
   * evaluation set: every city question's best passage ranks above 0.012, unrelated questions
   * (pizza, weather, physics) below 0.007.
   */
  @WithDefault("0.01")
  double minRank();

  /**
   * A passage counts as grounding only when it matched a word of the question that at most this
   * share of the city's documents contain (at least one document): a question about something the
   * texts do not cover otherwise finds an unrelated page by its common words ("anmelden",
   * "Stadt…"). Calibrated on covered and not-covered questions (RelevanceTest).
   */
  @WithDefault("0.33")
  double specificWordShare();

  /** A passage ranked at least this high is grounding also without a specific word. */
  @WithDefault("0.02")
  double strongRank();

  /** A repeated first question within this time reuses the earlier AI answer. */
  @WithDefault("24h")
  Duration reuseWindow();
}
