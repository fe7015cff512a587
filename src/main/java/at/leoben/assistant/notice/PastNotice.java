package at.leoben.assistant.notice;

import java.time.Instant;

/**
 * A notice as the public transparency page lists it: text in one language, severity, when it
 * showed ({@code to} null while it still shows). Who set it stays with staff.
 */
public record PastNotice(String text, Severity severity, String link, Instant from, Instant to) {}
