package at.leoben.assistant.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The city's rule for outbound HTTP: data stays on the city's own network. A URL may point at a
 * loopback or private-network address (RFC 1918, IPv6 unique-local), {@code localhost}, or a host
 * on the explicit allow-list. Host names are not resolved: what a name resolves to can change
 * after the check, the allow-list cannot.
 */
public final class LocalOnly {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Why a URL may not be called. */
  public enum Reason {
    NOT_A_URL,
    NOT_HTTP,
    NO_HOST,
    UNREADABLE_ADDRESS,
    NOT_LOCAL
  }

  /** A refused URL: why, and the host it names (null when it names none). */
  public record Refusal(Reason reason, String host) {

    /** In English, for logs and start-up errors. */
    public String describe() {
      return switch (reason) {
        case NOT_A_URL -> "is not a URL";
        case NOT_HTTP -> "is not an http(s) URL";
        case NO_HOST -> "names no host";
        case UNREADABLE_ADDRESS -> "has an unreadable address " + host;
        case NOT_LOCAL ->
            IPV4.matcher(host).matches() || host.startsWith("[")
                ? "points at " + host + ", which is not a loopback or private-network address"
                : "points at " + host
                    + ", which is neither a loopback or private-network address nor on ASSISTANT_OUTBOUND_ALLOWED_HOSTS";
      };
    }
  }

  private final List<String> allowedHosts;

  public LocalOnly(List<String> allowedHosts) {
    this.allowedHosts =
        allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /** Why {@code url} may not be called, or empty when it may. */
  public Optional<String> refusal(String url) {
    return check(url).map(Refusal::describe);
  }

  /** Why {@code url} may not be called, or empty when it may. */
  public Optional<Refusal> check(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return Optional.of(new Refusal(Reason.NOT_A_URL, null));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(new Refusal(Reason.NOT_HTTP, null));
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return Optional.of(new Refusal(Reason.NO_HOST, null));
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      return address(host.substring(1, host.length() - 1), host);
    }
    if (IPV4.matcher(host).matches()) {
      return address(host, host);
    }
    if (host.equals("localhost") || allowed(host)) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(Reason.NOT_LOCAL, host));
  }

  private boolean allowed(String host) {
    return allowedHosts.stream()
        .anyMatch(entry -> entry.startsWith(".") ? host.endsWith(entry) : host.equals(entry));
  }

  private Optional<Refusal> address(String literal, String host) {
    InetAddress address;
    try {
      // A literal is parsed, never looked up.
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return Optional.of(new Refusal(Reason.UNREADABLE_ADDRESS, host));
    }
    if (address.isLoopbackAddress() || privateNetwork(address) || allowed(host) || allowed(literal)) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(Reason.NOT_LOCAL, host));
  }

  private static boolean privateNetwork(InetAddress address) {
    if (address instanceof Inet4Address) {
      // 10/8, 172.16/12, 192.168/16. Link-local (169.254/16, cloud metadata) is not the city's.
      return address.isSiteLocalAddress();
    }
    if (address instanceof Inet6Address) {
      // Unique local addresses fc00::/7.
      return (address.getAddress()[0] & 0xfe) == 0xfc;
    }
    return false;
  }
}
