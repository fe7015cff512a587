package at.leoben.assistant.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The notice in force as citizens and other clients get it ({@code GET /api/v1/notice}, and
 * {@code notice} in every chat reply): written by staff, never by a model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicNotice(String text, Severity severity, String link, Instant until) {}
