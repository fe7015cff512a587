package at.leoben.assistant.understanding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the service's one safety net when the service starts (training or loading the model). */
@ApplicationScoped
class SafetyNets {

  private static final Logger LOG = Logger.getLogger(SafetyNets.class);

  @Produces
  @Singleton
  SafetyNet safetyNet(UnderstandingConfig config) {
    long start = System.nanoTime();
    SafetyNet net = config.folder().map(SafetyNet::fromFolder).orElseGet(SafetyNet::shipped);
    LOG.infof(
        "safety net ready in %d ms (%s vocabulary and corpus)",
        (System.nanoTime() - start) / 1_000_000,
        config.folder().isPresent() ? "the city's own" : "the shipped");
    return net;
  }
}
