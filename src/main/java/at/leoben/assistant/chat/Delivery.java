package at.leoben.assistant.chat;

/** How a turn's reply reaches the citizen; the events are the same, their pace differs. */
enum Delivery {
  /** Server-Sent Events: the model streams, and each screened sentence goes out as it ends. */
  STREAMED,
  /** One JSON reply: the model is asked without streaming, and only the reply at the end goes out. */
  WHOLE
}
