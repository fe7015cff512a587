package at.leoben.assistant.staff;

import java.time.Instant;
import java.util.List;

/** A local staff account as admins see it (never the password hash). */
public record StaffAccountView(String username, List<String> roles, Instant createdAt) {}
