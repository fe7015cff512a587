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
   * Evidence a document needs to be grounding (ASSISTANT_KNOWLEDGE_MIN_EVIDENCE), in units of one
   * question word that only this document has in its title, keywords or headings (see
   * DocumentEvidence). At 0.75, one keyword that two documents share is enough ("Parkausweis"), one
   * shared by three is not. Calibrated on covered and not-covered questions together (RelevanceTest).
   */
  @WithDefault("0.75")
  double minEvidence();

  /**
   * The evidence needed when the question also names something no passage of the city's texts
   * contains (a word of seven letters or more: "Stadtbibliothek", "Musikschule")
   * (ASSISTANT_KNOWLEDGE_MIN_EVIDENCE_UNKNOWN_WORD): one keyword then is not enough.
   */
  @WithDefault("1.1")
  double minEvidenceUnknownWord();

  /**
   * What a question word found only in a document's text (not in its head) counts, relative to one
   * in its head (ASSISTANT_KNOWLEDGE_BODY_WEIGHT).
   */
  @WithDefault("0.4")
  double bodyWeight();

  /**
   * Further documents are grounding too when their evidence reaches this share of the best one's
   * (ASSISTANT_KNOWLEDGE_SECOND_DOCUMENT_SHARE): a question between two topics gets both.
   */
  @WithDefault("0.5")
  double secondDocumentShare();

  /** A repeated first question within this time reuses the earlier AI answer. */
  @WithDefault("24h")
  Duration reuseWindow();
}
