package at.leoben.assistant.staff;

import java.util.List;

/** A new local staff account: login name, initial password, roles. */
public record StaffAccountInput(String username, String password, List<String> roles) {}
