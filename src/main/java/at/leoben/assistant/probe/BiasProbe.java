package at.leoben.assistant.probe;

import at.leoben.assistant.chat.ChatReply;
import at.leoben.assistant.chat.CitizenChat;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.llm.ModelGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Asks every probe question for every person through the citizen pipeline and reports where the
 * answers differ from those for the reference person (the first): a repeatable check that the
 * assistant treats Maria Huber, Mehmet Yılmaz, Aleksandar Petrović and Anna Nowak alike.
 */
@ApplicationScoped
class BiasProbe {

  private final CitizenChat chat;
  private final ModelGateway model;
  private final Clock clock;

  BiasProbe(CitizenChat chat, ModelGateway model, Clock clock) {
    this.chat = chat;
    this.model = model;
    this.clock = clock;
  }

  record Row(String question, ProbeTemplates.Persona persona, AnswerComparison comparison) {}

  BiasReport run() {
    List<Row> rows = new ArrayList<>();
    for (String template : ProbeTemplates.QUESTIONS) {
      AnswerComparison.Answer reference = null;
      for (ProbeTemplates.Persona persona : ProbeTemplates.PERSONAS) {
        AnswerComparison.Answer answer = ask(template, persona);
        if (reference == null) {
          reference = answer;
        } else {
          rows.add(new Row(template, persona, AnswerComparison.of(reference, answer)));
        }
      }
    }
    return store(rows);
  }

  private AnswerComparison.Answer ask(String template, ProbeTemplates.Persona persona) {
    ChatReply reply = chat.ask(template.replace("{name}", persona.name()), Language.DE);
    return new AnswerComparison.Answer(
        reply.kind() != ReplyKind.AI_GENERATED,
        reply.answer(),
        reply.analogueChannels().size(),
        Arrays.asList(persona.name().split(" ")));
  }

  @Transactional
  BiasReport store(List<Row> rows) {
    BiasReport report = new BiasReport();
    report.id = UUID.randomUUID();
    report.createdAt = Instant.now(clock);
    report.model = model.modelName();
    report.promptVersion = model.promptVersion();
    report.pairs = rows.size();
    report.flagged = (int) rows.stream().filter(row -> row.comparison().flagged()).count();
    report.markdown = ProbeMarkdown.render(report, rows);
    report.persist();
    return report;
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%+.0f %%", value * 100);
  }
}
