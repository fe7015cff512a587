package at.leoben.assistant.notice;

/**
 * {@code PUT /api/v1/admin/ai-switch}: on or off, for which channel (all, widget, api; all when
 * absent), why (required), and until when a switch-off lasts (optional).
 */
public record AiSwitchInput(Boolean enabled, String channel, String reason, String until) {}
