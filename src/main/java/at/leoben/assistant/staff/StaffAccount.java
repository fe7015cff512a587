package at.leoben.assistant.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A local staff account (clerk, admin, operator) for when no identity provider is configured.
 * Only the bcrypt hash of the password is stored.
 */
@Entity
@Table(name = "staff_account")
@UserDefinition
public class StaffAccount extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Username
  @Column(nullable = false, unique = true)
  public String username;

  @Password(PasswordType.MCF)
  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  /** Comma-separated: clerk, admin, operator. */
  @Roles
  @Column(nullable = false)
  public String roles;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
