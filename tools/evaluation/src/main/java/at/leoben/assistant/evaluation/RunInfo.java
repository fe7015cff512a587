package at.leoben.assistant.evaluation;

/**
 * What makes two runs comparable: when, against which service, model (name from the answers'
 * disclosure, digest from the model registry), prompt version and golden set.
 */
public record RunInfo(
    String startedAt,
    double durationSeconds,
    String serviceUrl,
    String model,
    String configuredModel,
    String modelDigest,
    String modelState,
    String promptVersion,
    String infoNote,
    String goldenSet,
    int goldenSetVersion,
    String goldenSetSha256,
    String judgeModel,
    int streamEvery,
    boolean warmUp,
    int formatVersion) {

  /** Bumped when result.json changes in a way older comparisons cannot read. */
  public static final int FORMAT_VERSION = 1;
}
