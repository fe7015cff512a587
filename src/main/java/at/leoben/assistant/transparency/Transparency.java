package at.leoben.assistant.transparency;

import at.leoben.assistant.audit.AuditConfig;
import at.leoben.assistant.cases.CasesConfig;
import at.leoben.assistant.chat.ChatConfig;
import at.leoben.assistant.disclosure.DisclosureConfig;
import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.fallback.ChannelDirectory;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.llm.LlmConfig;
import at.leoben.assistant.llm.ReadingConfig;
import at.leoben.assistant.llm.ModelApproval;
import at.leoben.assistant.llm.ModelCheck;
import at.leoben.assistant.llm.ModelRegistry;
import at.leoben.assistant.review.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Builds the transparency register entry from the running configuration, so it cannot go stale. */
@ApplicationScoped
public class Transparency {

  private final LlmConfig llm;
  private final ReadingConfig reading;
  private final ModelRegistry registry;
  private final ModelApproval approval;
  private final DisclosureConfig disclosure;
  private final Responsible responsible;
  private final ChatConfig chat;
  private final AuditConfig audit;
  private final ReviewConfig review;
  private final CasesConfig cases;
  private final ChannelDirectory channels;
  private final Texts texts;

  public Transparency(
      LlmConfig llm,
      ReadingConfig reading,
      ModelRegistry registry,
      ModelApproval approval,
      DisclosureConfig disclosure,
      Responsible responsible,
      ChatConfig chat,
      AuditConfig audit,
      ReviewConfig review,
      ChannelDirectory channels,
      CasesConfig cases,
      Texts texts) {
    this.llm = llm;
    this.reading = reading;
    this.registry = registry;
    this.approval = approval;
    this.disclosure = disclosure;
    this.responsible = responsible;
    this.chat = chat;
    this.audit = audit;
    this.review = review;
    this.channels = channels;
    this.cases = cases;
    this.texts = texts;
  }

  public TransparencyView view(Language language) {
    int samplePercent = (int) Math.round(review.sampleRate() * 100);
    return new TransparencyView(
        language.code(),
        text(language, "transparency.system"),
        text(language, "transparency.purpose"),
        lines(language, "transparency.can", 4),
        lines(language, "transparency.cannot", 4),
        disclosure.provider(),
        List.of(model(language)),
        responsible,
        oversight(language, samplePercent),
        new TransparencyView.DataHandling(
            chat.retentionDays(),
            audit.retentionDays(),
            List.of(
                text(language, "transparency.data.1"),
                text(language, "transparency.data.2"),
                texts.get(language, "transparency.data.3", chat.retentionDays(), audit.retentionDays()),
                text(language, "transparency.data.4"),
                texts.get(language, "transparency.data.5", cases.retentionDays()))),
        List.of(
            text(language, "transparency.feedback.1"),
            texts.get(language, "transparency.feedback.2", responsible.name(), responsible.role(), responsible.contact())),
        channels.channels(language),
        new TransparencyView.Languages(
            text(language, "transparency.languages.how"),
            Language.all().stream()
                .map(
                    spoken ->
                        new TransparencyView.Languages.Entry(
                            spoken.code(),
                            spoken.nativeName(),
                            !"false".equals(texts.find(spoken, "bundle.checked").orElse("true"))))
                .toList()));
  }

  private List<String> oversight(Language language, int samplePercent) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(text(language, "transparency.oversight.1"));
    lines.add(text(language, "transparency.oversight.2"));
    lines.add(text(language, "transparency.oversight.3"));
    lines.add(texts.get(language, "transparency.oversight.4", samplePercent));
    lines.add(text(language, "transparency.oversight.5"));
    // Said only while it is so (last, so the other lines keep their places for API clients).
    if (reading.enabled()) {
      lines.add(text(language, "transparency.oversight.reader"));
    }
    return List.copyOf(lines);
  }

  private TransparencyView.Model model(Language language) {
    ModelCheck check = approval.current();
    String hosting = text(language, "transparency.model.hosting");
    return registry
        .find(llm.model())
        .map(
            approved ->
                new TransparencyView.Model(
                    approved.name(),
                    language == Language.DE ? approved.purpose() : text(language, "transparency.model.purpose"),
                    hosting,
                    texts.get(language, "transparency.model.approval", approved.approvedBy(), approved.approvedOn().toString()),
                    approved.approvedBy(),
                    approved.approvedOn(),
                    approved.digest(),
                    check.approved()))
        .orElseGet(
            () ->
                new TransparencyView.Model(
                    llm.model(),
                    text(language, "transparency.model.purpose"),
                    hosting,
                    text(language, "transparency.model.not-approved"),
                    null,
                    null,
                    null,
                    false));
  }

  private String text(Language language, String key) {
    return texts.get(language, key);
  }

  private List<String> lines(Language language, String prefix, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(text(language, prefix + "." + i));
    }
    return lines;
  }
}
