package at.leoben.assistant.disclosure;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;

/**
 * Where model output becomes something that may leave the service: it is wrapped together with
 * its KI-generiert disclosure, and the AI-Disclosure header is derived from that disclosure.
 */
@ApplicationScoped
public class Disclosures {

  public static final String HEADER = "AI-Disclosure";

  private final Responsible responsible;
  private final DisclosureConfig config;
  private final Texts texts;
  private final Clock clock;

  public Disclosures(Responsible responsible, DisclosureConfig config, Texts texts, Clock clock) {
    this.responsible = responsible;
    this.config = config;
    this.texts = texts;
    this.clock = clock;
  }

  /** A fresh disclosure for an answer the model is writing now. */
  public Disclosure forModel(String model, Language language) {
    return new Disclosure(
        Disclosure.LABEL,
        texts.get(language, "disclosure.text", responsible.name(), responsible.role()),
        model,
        responsible,
        Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        null);
  }

  /** The disclosure of an answer given earlier, as it was: its model, responsible person and time. */
  public Disclosure restore(Provenance provenance, Language language) {
    Responsible responsibleThen = provenance.responsible();
    return new Disclosure(
        Disclosure.LABEL,
        texts.get(language, "disclosure.text", responsibleThen.name(), responsibleThen.role()),
        provenance.model(),
        responsibleThen,
        provenance.generatedAt(),
        null);
  }

  /**
   * The disclosure of an AI answer that a member of staff checked (approved or corrected): still
   * KI-generiert, and it says so, with the role of the reviewer.
   */
  public Disclosure reviewed(Disclosure original, String reviewerRole, Language language) {
    return new Disclosure(
        Disclosure.LABEL,
        texts.get(language, "disclosure.text.reviewed", original.responsible().name(), original.responsible().role()),
        original.model(),
        original.responsible(),
        original.generatedAt(),
        reviewerRole);
  }

  public DisclosedAnswer disclose(ModelOutput output, Disclosure disclosure) {
    return new DisclosedAnswer(output.text(), disclosure, DisclosedAnswer.Usage.of(output));
  }

  public DisclosedDelta disclose(ModelEvent.Token token, Disclosure disclosure) {
    return new DisclosedDelta(token.text(), disclosure);
  }

  /**
   * The AI-Disclosure header (draft-abaris-aicdh), an RFC 9651 dictionary such as {@code
   * mode=ai-originated, model="llama3.1:8b", provider="Stadtgemeinde Leoben", date=@1764150000};
   * an answer checked by staff adds {@code reviewed-by="clerk"}.
   */
  public String header(Disclosure disclosure) {
    return "mode=ai-originated"
        + ", model="
        + sfString(disclosure.model())
        + ", provider="
        + sfString(config.provider())
        + (disclosure.reviewedBy() == null ? "" : ", reviewed-by=" + sfString(disclosure.reviewedBy()))
        + ", date=@"
        + disclosure.generatedAt().getEpochSecond();
  }

  /** An sf-string allows printable ASCII only: transliterate umlauts, drop the rest, escape. */
  static String sfString(String value) {
    String ascii =
        Normalizer.normalize(
                Normalizer.normalize(value, Normalizer.Form.NFC)
                    .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                    .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss"),
                Normalizer.Form.NFD)
            .replaceAll("[^\\x20-\\x7E]", "");
    return '"' + ascii.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
