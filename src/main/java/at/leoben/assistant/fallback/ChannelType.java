package at.leoben.assistant.fallback;

/** How a citizen reaches a person. */
public enum ChannelType {
  IN_PERSON,
  PHONE,
  EMAIL,
  WEB
}
