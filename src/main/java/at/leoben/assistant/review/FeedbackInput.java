package at.leoben.assistant.review;

import at.leoben.assistant.web.MaxLength;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** A citizen's rating of a reply: {@code up} or {@code down}, an optional comment and reasons. */
public record FeedbackInput(
    @NotNull(message = "problem.feedback.rating")
        @Pattern(regexp = "(?i)\\s*(up|down)\\s*", message = "problem.feedback.rating")
        String rating,
    @MaxLength(value = 1000, message = "problem.feedback.comment.too-long") String comment,
    List<
            @NotNull(message = "problem.feedback.reason")
            @Pattern(regexp = "(?i)\\s*(wrong|outdated|unclear|incomplete|offensive|other)\\s*", message = "problem.feedback.reason")
            String>
        reasons) {}
