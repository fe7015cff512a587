package at.leoben.assistant.transparency;

import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.fallback.AnalogueChannel;
import java.time.LocalDate;
import java.util.List;

/**
 * The public register entry of the city's AI use: what the system does and does not do, which
 * model, who is responsible, how answers are checked, how data is handled, where to complain.
 */
public record TransparencyView(
    String language,
    String system,
    String purpose,
    List<String> canDo,
    List<String> cannotDo,
    String provider,
    List<Model> models,
    Responsible responsible,
    List<String> oversight,
    DataHandling data,
    List<String> feedback,
    List<AnalogueChannel> analogueChannels,
    Languages languages) {

  /**
   * The languages citizens can write in and how answers in them are made; {@code checked}: a
   * native speaker has checked the city's own texts in that language.
   */
  public record Languages(String how, List<Entry> list) {
    public record Entry(String code, String name, boolean checked) {}
  }

  /**
   * The configured model: {@code approval} says who approved it and when (from the approved-model
   * registry) or that it is not approved; {@code inUse} whether answers come from it right now.
   */
  public record Model(
      String name,
      String purpose,
      String hosting,
      String approval,
      String approvedBy,
      LocalDate approvedOn,
      String digest,
      boolean inUse) {}

  public record DataHandling(
      int conversationRetentionDays, int auditRetentionDays, List<String> practices) {}
}
