package at.leoben.assistant.guard;

/** The areas the city keeps its AI out of (a closed set; replies and offices are configuration). */
public enum SensitiveArea {
  HEALTH("health"),
  SOCIAL_BENEFITS("social-benefits"),
  ASYLUM_RESIDENCE("asylum-residence"),
  CHILD_WELFARE("child-welfare"),
  CRIMINAL_POLICE("criminal-police"),
  LEGAL_ADVICE("legal-advice"),
  CRISIS("crisis");

  private final String key;

  SensitiveArea(String key) {
    this.key = key;
  }

  /** The name used in configuration, term lists and the API, e.g. {@code asylum-residence}. */
  public String key() {
    return key;
  }

  public static SensitiveArea ofKey(String key) {
    for (SensitiveArea area : values()) {
      if (area.key.equals(key)) {
        return area;
      }
    }
    throw new IllegalArgumentException("unknown sensitive area: " + key);
  }
}
