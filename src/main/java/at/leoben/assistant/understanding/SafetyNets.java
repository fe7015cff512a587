package at.leoben.assistant.understanding;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the service's one safety net when the service starts (training or loading the model). */
@ApplicationScoped
class SafetyNets {

  private static final Logger LOG = Logger.getLogger(SafetyNets.class);

  // Built at start, not at the first citizen's question: training the classifier on a new corpus
  // takes tens of seconds (loading a cached model, about a second).
  @Produces
  @Singleton
  @Startup
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
