package at.leoben.assistant.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalOnlyTest {

  private final LocalOnly rule = new LocalOnly(List.of("ollama", " Ollama.KI.svc ", ".intern.leoben.at"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:11434",
        "http://127.8.9.10:11434/",
        "http://localhost:11434",
        "http://[::1]:11434",
        "http://10.20.30.40:11434",
        "http://172.16.0.1:11434",
        "http://172.31.255.254",
        "https://192.168.1.20:443",
        "http://[fd12:3456:789a::1]:11434",
        "http://ollama:11434",
        "http://OLLAMA:11434",
        "http://ollama.ki.svc:11434",
        "https://sso.intern.leoben.at/realms/leoben"
      })
  void allowsTheCitysOwnNetworkAndListedHosts(String url) {
    assertThat(rule.refusal(url)).as(url).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://8.8.8.8:11434",
        "http://172.32.0.1:11434",
        "http://100.64.0.1:11434",
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]:11434",
        "http://[2001:db8::1]:11434",
        "http://[::ffff:8.8.8.8]:11434",
        "https://api.openai.com/v1",
        "http://ollama.example.com:11434",
        "http://intern.leoben.at.evil.example:11434",
        "http://127.0.0.1@evil.example:11434",
        "http://2130706433:11434",
        "ftp://127.0.0.1/",
        "file:///etc/passwd",
        "not a url",
        "http://:11434"
      })
  void refusesEverythingElse(String url) {
    assertThat(rule.refusal(url)).as(url).isPresent();
  }
}
