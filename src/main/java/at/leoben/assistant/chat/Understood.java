package at.leoben.assistant.chat;

import at.leoben.assistant.guard.InputVerdict;
import java.util.Optional;

/**
 * What a turn means: the safer verdict of the safety net and the model, and the model's
 * stand-alone German question for retrieval (empty without a reading).
 */
record Understood(InputVerdict verdict, Optional<String> standaloneQuestion) {}
