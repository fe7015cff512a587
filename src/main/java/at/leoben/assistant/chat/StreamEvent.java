package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import java.util.List;

/** The Server-Sent Events of a streamed turn, in the order the contract promises. */
sealed interface StreamEvent {

  /** The SSE event name. */
  String name();

  /** The JSON payload. */
  Object data();

  /** The last event of every turn: the reply it ended in. */
  sealed interface Ending extends StreamEvent {
    ChatReply reply();

    /** The same ending with {@code reply} in place of its own. */
    Ending with(ChatReply reply);
  }

  /** The end of an answer that was stored and audited: its sources, then the reply. */
  static List<StreamEvent> answered(ChatReply reply) {
    return List.of(new Sources(reply.sources()), new Done(reply));
  }

  record DisclosureEvent(Disclosure disclosure) implements StreamEvent {
    public String name() {
      return "disclosure";
    }

    public Object data() {
      return disclosure;
    }
  }

  record Delta(DisclosedDelta delta) implements StreamEvent {
    public String name() {
      return "delta";
    }

    public Object data() {
      return delta;
    }
  }

  record Sources(List<Source> sources) implements StreamEvent {
    public String name() {
      return "sources";
    }

    public Object data() {
      return sources;
    }
  }

  record Done(ChatReply reply) implements Ending {
    public Done with(ChatReply other) {
      return new Done(other);
    }

    public String name() {
      return "done";
    }

    public Object data() {
      return reply;
    }
  }

  /** The citizen waits in line for the model; sent at once and whenever the place changes. */
  record Queued(QueuedNotice notice) implements StreamEvent {
    public String name() {
      return "queued";
    }

    public Object data() {
      return notice;
    }
  }

  /** Replaces the rest of the stream when no (complete) AI answer can be given. */
  record Fallback(ChatReply reply) implements Ending {
    public Fallback with(ChatReply other) {
      return new Fallback(other);
    }

    public String name() {
      return "fallback";
    }

    public Object data() {
      return reply;
    }
  }
}
