package at.leoben.assistant.cases;

/** How a clerk answered: in the widget only, also by e-mail through the service, or by phone (then noted). */
public enum ReplyChannel {
  WIDGET,
  EMAIL,
  PHONE
}
