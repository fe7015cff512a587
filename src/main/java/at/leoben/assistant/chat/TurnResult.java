package at.leoben.assistant.chat;

import java.util.Optional;

/** A finished turn: the reply and, when it carries model output, its AI-Disclosure header. */
record TurnResult(ChatReply reply, Optional<String> disclosureHeader) {}
