package at.leoben.assistant.evaluation;

/**
 * What the service says about its model through {@code GET /api/v1/admin/models} (staff only):
 * the configured model, the digest Ollama serves it with, its approval state and the prompt
 * version. Every field is "unknown" when the endpoint is not there or refuses the caller.
 */
public record ServiceInfo(String configuredModel, String servedDigest, String state, String promptVersion, String note) {

  public static final String UNKNOWN = "unknown";

  static ServiceInfo unknown(String note) {
    return new ServiceInfo(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, note);
  }

  ServiceInfo withPromptVersion(String version, String why) {
    return new ServiceInfo(configuredModel, servedDigest, state, version, note == null ? why : note + "; " + why);
  }
}
