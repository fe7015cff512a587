package at.leoben.assistant.cases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the case e-mails, on a free port; it can go down and come back
 * on the same port, as a mail server does.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

  private static int port;
  private static GreenMail server;

  @Override
  public Map<String, String> start() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    up();
    return Map.of(
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(port),
        "quarkus.mailer.mock", "false",
        "quarkus.mailer.start-tls", "DISABLED",
        "quarkus.mailer.from", "buergerassistent@leoben.at");
  }

  static synchronized void up() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  static synchronized void down() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  static synchronized List<MimeMessage> received() {
    return server == null ? List.of() : List.of(server.getReceivedMessages());
  }

  static synchronized void clear() throws Exception {
    if (server != null) {
      server.purgeEmailFromAllMailboxes();
    }
  }

  @Override
  public void stop() {
    down();
  }
}
