package at.leoben.assistant.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The regular review: a random share of AI answers goes to the queue, however good they look. */
@ApplicationScoped
public class ReviewSampling {

  private final double rate;

  public ReviewSampling(ReviewConfig config) {
    if (config.sampleRate() < 0 || config.sampleRate() > 1) {
      throw new IllegalStateException("assistant.review.sample-rate must be between 0 and 1");
    }
    this.rate = config.sampleRate();
  }

  /** A SAMPLE flag for this answer, or none. */
  public Optional<FlagRequest> draw() {
    if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
      return Optional.of(FlagRequest.flag(FlagReason.SAMPLE, "random sample for the regular review"));
    }
    return Optional.empty();
  }
}
