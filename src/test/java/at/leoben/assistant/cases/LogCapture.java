package at.leoben.assistant.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything the service (not the test's mail server) logs while a test runs, formatted as a reader of the log would see it. */
final class LogCapture extends Handler implements AutoCloseable {

  private final List<String> lines = new ArrayList<>();

  static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (record.getLoggerName() != null && record.getLoggerName().startsWith("com.icegreen")) {
      return; // the test's own mail server, not the service
    }
    String message = record.getMessage();
    Object[] parameters = record.getParameters();
    StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
    if (parameters != null) {
      for (Object parameter : parameters) {
        line.append(' ').append(parameter);
      }
    }
    if (record.getThrown() != null) {
      line.append(' ').append(record.getThrown());
    }
    lines.add(line.toString());
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
