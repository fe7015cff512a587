package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.ServiceProcess;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged service as the benchmarks run it: prod profile, the stand-in's model approved,
 * plain-text log, and every turn reaching the model.
 */
final class BenchService {

  static final String MODEL = "llama3.1:8b";

  private BenchService() {}

  /** Started, not yet ready; {@code extra} adds or replaces environment variables. */
  static ServiceProcess start(String ollama, String jdbcUrl, List<String> jvmOptions, Map<String, String> extra)
      throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("ASSISTANT_LLM_BASE_URL", ollama);
    env.put("ASSISTANT_LLM_MODEL", MODEL);
    env.put("ASSISTANT_MODELS_REGISTRY", ServiceProcess.registryApproving(MODEL).toString());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_HTTP_PORT", String.valueOf(ServiceProcess.freePort()));
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    env.put("ASSISTANT_RESPONSIBLE_NAME", "Benchmark");
    env.put("ASSISTANT_RESPONSIBLE_ROLE", "Digital.Team");
    env.put("ASSISTANT_RESPONSIBLE_CONTACT", "digital@leoben.at");
    // Load from one address: the per-client limits would refuse it (a gateway limits in production).
    env.put("ASSISTANT_RATE_LIMIT_ENABLED", "false");
    // Every turn must reach the model: the benches repeat one question.
    env.put("ASSISTANT_KNOWLEDGE_REUSE_WINDOW", "0s");
    env.putAll(extra);
    return ServiceProcess.start(env, jvmOptions);
  }
}
