package at.leoben.assistant.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core (installed by .ci/run from the npm registry) run inside the page under test. */
public final class Axe {

  private static final Path SCRIPT = Path.of("target/axe/node_modules/axe-core/axe.min.js");

  private Axe() {}

  /** The serious and critical violations on the current page, one line each. */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(JavascriptExecutor page) {
    if (!Files.exists(SCRIPT)) {
      throw new IllegalStateException("axe-core is missing: run bash .ci/run (it installs it into target/axe)");
    }
    try {
      page.executeScript(Files.readString(SCRIPT));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                    + " nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))))"
                    + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]));");
    return violations.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
        .toList();
  }
}
