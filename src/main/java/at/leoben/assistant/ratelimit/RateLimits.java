package at.leoben.assistant.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Token buckets per client and kind of request, kept in PostgreSQL ({@code rate_limit_bucket}) so
 * that every instance counts against the same limit. Stores only hashed client keys.
 */
@ApplicationScoped
public class RateLimits {

  /** What a request spends from a client's allowance. */
  public enum Kind {
    CHAT,
    FEEDBACK
  }

  private static final Logger LOG = Logger.getLogger(RateLimits.class);

  private final RateLimitConfig config;
  private final ClientKeys keys;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final BucketConfiguration chat;
  private final BucketConfiguration feedback;
  private final MeterRegistry meters;

  RateLimits(RateLimitConfig config, DataSource dataSource, MeterRegistry meters) {
    this.config = config;
    this.meters = meters;
    this.keys = ClientKeys.of(config.hashKey());
    if (config.enabled() && config.hashKey().isEmpty()) {
      LOG.warn(
          "No ASSISTANT_RATE_LIMIT_HASH_KEY: client addresses are hashed with a key made at start,"
              + " so each instance counts its own limits");
    }
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // A bucket that has refilled completely holds nothing worth keeping.
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
            .build();
    this.chat =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(config.chat().perMinute()).refillGreedy(config.chat().perMinute(), Duration.ofMinutes(1)))
            .addLimit(limit -> limit.capacity(config.chat().perHour()).refillGreedy(config.chat().perHour(), Duration.ofHours(1)))
            .build();
    this.feedback =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(config.feedback().perHour()).refillGreedy(config.feedback().perHour(), Duration.ofHours(1)))
            .build();
  }

  /** The bucket of a key, made with limits on first use. */
  BucketProxy bucket(String key, BucketConfiguration limits) {
    return buckets.getProxy(key, () -> limits);
  }

  /** A key of a scope that holds no personal data: an HMAC of the address (or other text). */
  String key(String scope, String text) {
    return keys.key(scope, text);
  }

  /**
   * Takes one request from the client's allowance. Empty when it may go on, else the seconds until
   * it may try again.
   */
  public OptionalLong take(Kind kind, String clientAddress) {
    if (!config.enabled()) {
      return OptionalLong.empty();
    }
    BucketConfiguration limits = kind == Kind.CHAT ? chat : feedback;
    String key = keys.key(kind.name().toLowerCase(java.util.Locale.ROOT), clientAddress);
    ConsumptionProbe probe = buckets.getProxy(key, () -> limits).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    meters.counter("assistant.rate.limited", "kind", kind.name()).increment();
    return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
  }

  @Scheduled(
      identity = "rate-limit-cleanup",
      every = "${assistant.rate-limit.cleanup-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void removeQuietClients() {
    int removed;
    do {
      removed = buckets.removeExpired(1000);
    } while (removed == 1000);
  }
}
