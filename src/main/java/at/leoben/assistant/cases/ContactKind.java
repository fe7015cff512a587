package at.leoben.assistant.cases;

/** How the citizen wants to be reached: e-mail, phone, or not at all (they check back with the token). */
public enum ContactKind {
  EMAIL,
  PHONE,
  NONE
}
