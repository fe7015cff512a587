package at.leoben.assistant.review;

import java.util.List;

/** A citizen's rating of a reply: {@code up} or {@code down}, an optional comment and reasons. */
public record FeedbackInput(String rating, String comment, List<String> reasons) {}
