package at.leoben.assistant.cases;

import at.leoben.assistant.web.HasText;
import at.leoben.assistant.web.MaxLength;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a clerk sends about a case (API and staff UI alike). */
public final class DeskInput {

  private DeskInput() {}

  /**
   * The answer: {@code widget} (the citizen reads it with the token), {@code email} (also sent to
   * the citizen's address through the service) or {@code phone} (given by phone; the text notes it).
   */
  public record Reply(
      @NotNull(message = "problem.case.reply-empty")
          @HasText(message = "problem.case.reply-empty")
          @MaxLength(property = "assistant.cases.max-reply-length", message = "problem.case.reply-too-long")
          String text,
      @Pattern(regexp = "(?i)widget|email|phone", message = "problem.case.channel") String channel) {

    ReplyChannel replyChannel() {
      return channel == null ? ReplyChannel.WIDGET : ReplyChannel.valueOf(channel.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** To another office, with why. */
  public record Forward(
      @NotNull(message = "problem.case.office-unknown") String office,
      @MaxLength(value = 500, message = "problem.case.comment-too-long") String comment) {}

  /** Closing with an outcome (e.g. "erledigt", "telefonisch geklärt"). */
  public record Close(
      @NotNull(message = "problem.case.outcome-empty")
          @HasText(message = "problem.case.outcome-empty")
          @MaxLength(value = 500, message = "problem.case.comment-too-long")
          String outcome) {}
}
