package at.leoben.assistant.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Redirects within the service point to a path, not to {@code scheme://<Host header>/path}:
 * Quarkus' form login builds its redirects from the Host header a client sent, which would echo
 * any host into a Location (cache poisoning, links to a foreign host). Redirects to other hosts
 * (the city's identity provider) stay as they are.
 */
@ApplicationScoped
public class RelativeRedirects {

  /** Before the authentication handlers, so that their redirects pass through here too. */
  private static final int BEFORE_AUTHENTICATION = 9_000;

  void register(@Observes Filters filters) {
    filters.register(this::relativise, BEFORE_AUTHENTICATION);
  }

  private void relativise(RoutingContext context) {
    context.addHeadersEndHandler(done -> {
      String location = context.response().headers().get("Location");
      String own = context.request().scheme() + "://" + context.request().authority();
      if (location != null && location.regionMatches(true, 0, own, 0, own.length())) {
        String path = location.substring(own.length());
        context.response().headers().set("Location", path.isEmpty() ? "/" : path);
      }
    });
    context.next();
  }
}
