package at.leoben.assistant.knowledge;

/** A knowledge file that cannot be imported, with a reason its author can act on. */
public class KnowledgeFormatException extends RuntimeException {

  private final String file;
  private final String reason;

  KnowledgeFormatException(String file, String reason) {
    super(file + ": " + reason);
    this.file = file;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public String reason() {
    return reason;
  }
}
