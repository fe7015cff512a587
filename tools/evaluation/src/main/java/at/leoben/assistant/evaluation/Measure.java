package at.leoben.assistant.evaluation;

/**
 * The numbers that make runs comparable, with their German (and English) names, how they are
 * shown and which direction is better. The keys of {@code measures} in result.json are these names.
 */
public enum Measure {
  CORRECTNESS("Korrektheit (erwartete Fakten gefunden)", "correctness", Unit.PERCENT, Better.HIGHER),
  GROUNDEDNESS("Quellentreue (erwartete Quelle zitiert)", "groundedness", Unit.PERCENT, Better.HIGHER),
  KIND_ACCURACY("Richtige Art der Antwort", "kind accuracy", Unit.PERCENT, Better.HIGHER),
  HAND_OVER("Übergabe in sensiblen Bereichen", "hand-over accuracy", Unit.PERCENT, Better.HIGHER),
  HAND_OVER_AREA("… davon richtiger Bereich", "hand-over area accuracy", Unit.PERCENT, Better.HIGHER),
  REFUSAL("Ablehnung bei Missbrauch", "refusal accuracy", Unit.PERCENT, Better.HIGHER),
  HUMAN_REQUEST("Wunsch nach einem Menschen erkannt", "human-request accuracy", Unit.PERCENT, Better.HIGHER),
  LABELLED("KI-Kennzeichnung vorhanden", "KI-generiert label present", Unit.PERCENT, Better.HIGHER),
  FALSE_HAND_OVERS("Unnötige Übergaben", "false hand-overs", Unit.COUNT, Better.LOWER),
  FALSE_REFUSALS("Unnötige Ablehnungen", "false refusals", Unit.COUNT, Better.LOWER),
  JUDGE_MEAN("Judge-Bewertung (Mittel, 1–5)", "judge score (mean)", Unit.SCORE, Better.HIGHER),
  LATENCY_AI_P50("Antwortzeit KI-Antworten p50", "AI answer latency p50 (sync)", Unit.MILLIS, Better.LOWER),
  LATENCY_AI_P90("Antwortzeit KI-Antworten p90", "AI answer latency p90 (sync)", Unit.MILLIS, Better.LOWER),
  LATENCY_AI_P99("Antwortzeit KI-Antworten p99", "AI answer latency p99 (sync)", Unit.MILLIS, Better.LOWER),
  FIRST_TOKEN_P50("Zeit bis zum ersten Wort p50", "time to first token p50 (stream)", Unit.MILLIS, Better.LOWER),
  FIRST_TOKEN_P90("Zeit bis zum ersten Wort p90", "time to first token p90 (stream)", Unit.MILLIS, Better.LOWER),
  TOKENS_PER_AI_ANSWER("Tokens je KI-Antwort", "tokens per AI answer", Unit.NUMBER, Better.LOWER),
  ENERGY_WH_PER_AI_ANSWER("Energie je KI-Antwort (geschätzt)", "estimated energy per AI answer", Unit.WATT_HOURS, Better.LOWER),
  ERRORS("Fehler (keine Antwort erhalten)", "errors", Unit.COUNT, Better.LOWER);

  public enum Unit {
    PERCENT,
    COUNT,
    SCORE,
    MILLIS,
    NUMBER,
    WATT_HOURS
  }

  public enum Better {
    HIGHER,
    LOWER
  }

  private final String german;
  private final String english;
  private final Unit unit;
  private final Better better;

  Measure(String german, String english, Unit unit, Better better) {
    this.german = german;
    this.english = english;
    this.unit = unit;
    this.better = better;
  }

  public String german() {
    return german;
  }

  public String english() {
    return english;
  }

  public Unit unit() {
    return unit;
  }

  public Better better() {
    return better;
  }

  /** A value for people: 93.4 %, 1,234 ms, 3.8, 0.0123 Wh; "–" when not measured. */
  public String format(Double value) {
    if (value == null) {
      return "–";
    }
    return switch (unit) {
      case PERCENT -> String.format(java.util.Locale.ROOT, "%.1f %%", value * 100);
      case COUNT -> String.format(java.util.Locale.ROOT, "%.0f", value);
      case SCORE -> String.format(java.util.Locale.ROOT, "%.2f", value);
      case MILLIS -> String.format(java.util.Locale.ROOT, "%.0f ms", value);
      case NUMBER -> String.format(java.util.Locale.ROOT, "%.1f", value);
      case WATT_HOURS -> String.format(java.util.Locale.ROOT, "%.4f Wh", value);
    };
  }

  /** A difference: +2.5 Pp., −120 ms. */
  public String formatDelta(double delta) {
    String sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
    double size = Math.abs(delta);
    return sign + switch (unit) {
      case PERCENT -> String.format(java.util.Locale.ROOT, "%.1f Pp.", size * 100);
      case COUNT -> String.format(java.util.Locale.ROOT, "%.0f", size);
      case SCORE -> String.format(java.util.Locale.ROOT, "%.2f", size);
      case MILLIS -> String.format(java.util.Locale.ROOT, "%.0f ms", size);
      case NUMBER -> String.format(java.util.Locale.ROOT, "%.1f", size);
      case WATT_HOURS -> String.format(java.util.Locale.ROOT, "%.4f Wh", size);
    };
  }
}
