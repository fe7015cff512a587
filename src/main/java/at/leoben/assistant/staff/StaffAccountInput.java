package at.leoben.assistant.staff;

import at.leoben.assistant.web.MaxUtf8Bytes;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new local staff account: login name (any case, kept in lower case), initial password (12
 * characters at least, and no more than bcrypt reads: 72 bytes), roles.
 */
public record StaffAccountInput(
    @NotNull(message = "problem.staff.username")
        @Pattern(regexp = "[A-Za-z0-9._-]{3,100}", message = "problem.staff.username")
        String username,
    @NotNull(message = "problem.staff.password.missing")
        @Size(min = StaffPasswords.MIN_LENGTH, message = "problem.staff.password")
        @MaxUtf8Bytes(value = StaffPasswords.MAX_BYTES, message = "problem.staff.password.too-long")
        String password,
    @NotEmpty(message = "problem.staff.roles")
        List<
                @NotNull(message = "problem.staff.roles")
                @Pattern(regexp = "(?i)\\s*(clerk|admin|operator)\\s*", message = "problem.staff.roles")
                String>
            roles) {}
