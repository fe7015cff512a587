package at.leoben.assistant.notice;

import java.util.Map;

/**
 * {@code PUT /api/v1/admin/notice}: the text per language code (German required), the severity
 * (info, warning, emergency), an optional link and optional times (ISO-8601, e.g.
 * 2026-12-06T18:00:00+01:00). Times stay text here so that a wrong one gets a precise problem.
 */
public record NoticeInput(Map<String, String> text, String severity, String link, String from, String until) {}
