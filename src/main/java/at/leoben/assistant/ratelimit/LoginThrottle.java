package at.leoben.assistant.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Brute-force protection of the local staff login, shared by all instances through the same
 * PostgreSQL buckets as the rate limits. Wrong passwords are counted three ways: for an account
 * from one client, for a client across accounts (guessing many names), and for an account across
 * clients (guessing from many addresses). The last one does not lock out clients that signed in to
 * the account before, so a flood from elsewhere cannot keep the admin out; and every lock-out ends
 * by itself after the configured time.
 */
@ApplicationScoped
public class LoginThrottle {

  /** Which count ran out. */
  public enum Scope {
    ACCOUNT_AND_CLIENT,
    CLIENT,
    ACCOUNT
  }

  private final RateLimits buckets;
  private final LoginThrottleConfig config;
  private final EntityManager database;
  private final Clock clock;

  LoginThrottle(RateLimits buckets, LoginThrottleConfig config, EntityManager database, Clock clock) {
    this.buckets = buckets;
    this.config = config;
    this.database = database;
    this.clock = clock;
  }

  /** Seconds until the client may try this account again; empty when it may now. */
  public OptionalLong lockedFor(String account, String client) {
    if (!config.enabled()) {
      return OptionalLong.empty();
    }
    long nanos = 0;
    for (BucketProxy bucket : buckets(account, client, known(account, client)).values()) {
      EstimationProbe probe = bucket.estimateAbilityToConsume(1);
      nanos = probe.canBeConsumed() ? nanos : Math.max(nanos, probe.getNanosToWaitForRefill());
    }
    return nanos == 0 ? OptionalLong.empty() : OptionalLong.of(TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
  }

  /** Counts a wrong password; the scopes whose lock-out it began (for the audit). */
  public List<Scope> failed(String account, String client) {
    List<Scope> locked = new ArrayList<>();
    if (!config.enabled()) {
      return locked;
    }
    buckets(account, client, known(account, client)).forEach((scope, bucket) -> {
      var probe = bucket.tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed() && probe.getRemainingTokens() == 0) {
        locked.add(scope);
      }
    });
    return locked;
  }

  /** A successful sign-in: from now on the client is one the account knows. */
  public void succeeded(String account, String client) {
    if (!config.enabled()) {
      return;
    }
    String key = buckets.key("login-known", account + "|" + client);
    QuarkusTransaction.requiringNew().run(() -> database
        .createNativeQuery(
            "insert into staff_login_known_client (id, last_success) values (?1, ?2)"
                + " on conflict (id) do update set last_success = excluded.last_success")
        .setParameter(1, key)
        .setParameter(2, Instant.now(clock))
        .executeUpdate());
  }

  private boolean known(String account, String client) {
    String key = buckets.key("login-known", account + "|" + client);
    Instant since = Instant.now(clock).minus(config.rememberClients());
    return QuarkusTransaction.joiningExisting().call(() -> !database
        .createNativeQuery("select 1 from staff_login_known_client where id = ?1 and last_success > ?2")
        .setParameter(1, key)
        .setParameter(2, since)
        .getResultList()
        .isEmpty());
  }

  private java.util.Map<Scope, BucketProxy> buckets(String account, String client, boolean known) {
    java.util.Map<Scope, BucketProxy> all = new java.util.EnumMap<>(Scope.class);
    all.put(Scope.ACCOUNT_AND_CLIENT, buckets.bucket(
        buckets.key("login-ac", account + "|" + client), limit(config.failuresPerAccountAndClient())));
    all.put(Scope.CLIENT, buckets.bucket(buckets.key("login-c", client), limit(config.failuresPerClient())));
    if (!known) {
      all.put(Scope.ACCOUNT, buckets.bucket(buckets.key("login-a", account), limit(config.failuresPerAccount())));
    }
    return all;
  }

  /** So many failures, then none until the lock time has passed since the first of them. */
  private BucketConfiguration limit(int failures) {
    Duration lock = config.lockTime();
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, lock))
        .build();
  }

  @Scheduled(
      identity = "login-known-client-cleanup",
      every = "${assistant.rate-limit.cleanup-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void forgetOldClients() {
    Instant before = Instant.now(clock).minus(config.rememberClients());
    QuarkusTransaction.requiringNew().run(() -> database
        .createNativeQuery("delete from staff_login_known_client where last_success < ?1")
        .setParameter(1, before)
        .executeUpdate());
  }
}
