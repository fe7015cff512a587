package at.leoben.assistant.cases;

/** Where a case stands: OPEN → CLAIMED (a clerk took it) → ANSWERED → CLOSED (with an outcome). */
public enum CaseStatus {
  OPEN,
  CLAIMED,
  ANSWERED,
  CLOSED
}
