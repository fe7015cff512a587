package at.leoben.assistant.knowledge;

/** A passage found for a question, with what a citizen needs to check it: title and source. */
public record RetrievedPassage(
    long id, String slug, String documentTitle, String heading, String text, String sourceUrl, double rank) {}
