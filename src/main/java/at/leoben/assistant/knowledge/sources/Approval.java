package at.leoben.assistant.knowledge.sources;

/** Whether a source's changes go live at once (AUTO) or after an editor's approval (EDITOR). */
enum Approval {
  AUTO,
  EDITOR
}
