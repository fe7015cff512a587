package at.leoben.assistant.chat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A citizen's conversation; reachable only with its token, whose hash is all we keep. */
@Entity
@Table(name = "conversation")
class Conversation extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "token_hash", nullable = false)
  public byte[] tokenHash;

  @Column(nullable = false)
  public String language;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "message_count", nullable = false)
  public int messageCount;
}
