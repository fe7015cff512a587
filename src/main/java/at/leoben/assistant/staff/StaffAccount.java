package at.leoben.assistant.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A local staff account (clerk, admin, operator) for when no identity provider is configured.
 * Only the bcrypt hash of the password is stored; {@link StaffPasswordLogin} signs staff in with it.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Always lower case (a check in the database): "admin" and "ADMIN" are one account. */
  @Column(nullable = false, unique = true)
  public String username;

  /** bcrypt, as {@link StaffPasswords} makes it. */
  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  /** Comma-separated: clerk, admin, operator. */
  @Column(nullable = false)
  public String roles;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
