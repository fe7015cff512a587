package at.leoben.assistant.knowledge.sources;

/**
 * A source as an admin registers it: {@code type} "web" (a start page or a sitemap) or "pdf",
 * its {@code url}, an optional {@code schedule} (default nightly) and {@code approval}: "auto"
 * (changes go live at once) or "editor" (after an editor's approval).
 */
public record SourceInput(String type, String url, String schedule, String approval) {}
