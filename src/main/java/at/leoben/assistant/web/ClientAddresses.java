package at.leoben.assistant.web;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The address of the client behind a request, as the rate limits and the staff login throttle
 * count it. Behind the city's proxies (the {@code QUARKUS_HTTP_PROXY_*} settings) it is the
 * rightmost {@code X-Forwarded-For} entry that no trusted proxy added: the entries left of it were
 * written by the client and prove nothing. Quarkus itself takes the leftmost, which a client sets
 * freely.
 */
@ApplicationScoped
public class ClientAddresses {

  private static final Logger LOG = Logger.getLogger(ClientAddresses.class);

  private final boolean forwarding;
  private final boolean xForwarded;
  private final boolean forwarded;
  /** Empty: every peer counts as a proxy, as Quarkus does without QUARKUS_HTTP_PROXY_TRUSTED_PROXIES. */
  private final Optional<List<IpSubnetFilterRule>> trusted;

  // quarkus.http.proxy.* belongs to Quarkus; its values are read so that one setting serves both.
  public ClientAddresses(Config config) {
    this.forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false);
    this.forwarded = config.getOptionalValue("quarkus.http.proxy.allow-forwarded", Boolean.class).orElse(false);
    this.xForwarded = config.getOptionalValue("quarkus.http.proxy.allow-x-forwarded", Boolean.class).orElse(!forwarded);
    this.trusted = config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class).map(ClientAddresses::rules);
  }

  /** The client's address as text (an IP literal, or what a trusted proxy wrote). */
  public String of(HttpServerRequest request) {
    SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
    String address = peer == null ? "unknown" : peer.hostAddress();
    if (!forwarding || !isTrusted(address)) {
      return address;
    }
    List<String> chain = new ArrayList<>();
    if (forwarded) {
      request.headers().getAll("Forwarded").forEach(value -> chain.addAll(forwardedFor(value)));
    } else if (xForwarded) {
      request.headers().getAll("X-Forwarded-For").forEach(value -> chain.addAll(split(value)));
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (!isTrusted(chain.get(i)) || i == 0) {
        return chain.get(i);
      }
    }
    return address;
  }

  private boolean isTrusted(String address) {
    if (trusted.isEmpty()) {
      return true;
    }
    InetAddress ip = literal(address);
    return ip != null && trusted.get().stream().anyMatch(rule -> rule.matches(new InetSocketAddress(ip, 0)));
  }

  private static List<String> split(String header) {
    List<String> entries = new ArrayList<>();
    for (String entry : header.split(",")) {
      String host = withoutPort(entry.strip());
      if (!host.isEmpty()) {
        entries.add(host);
      }
    }
    return entries;
  }

  /** The {@code for=} of each element of an RFC 7239 {@code Forwarded} header. */
  private static List<String> forwardedFor(String header) {
    List<String> entries = new ArrayList<>();
    for (String element : header.split(",")) {
      for (String pair : element.split(";")) {
        String[] parts = pair.strip().split("=", 2);
        if (parts.length == 2 && parts[0].equalsIgnoreCase("for")) {
          entries.add(withoutPort(parts[1].strip().replace("\"", "")));
        }
      }
    }
    return entries;
  }

  /** "1.2.3.4:56" → "1.2.3.4", "[::1]:8080" → "::1"; a bare IPv6 literal stays. */
  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close > 0 ? host.substring(1, close) : host;
    }
    int colon = host.indexOf(':');
    return colon > 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
  }

  private static InetAddress literal(String address) {
    // Only literals: a host name would mean a DNS lookup per request.
    return NetUtil.isValidIpV4Address(address) || NetUtil.isValidIpV6Address(address)
        ? NetUtil.createInetAddressFromIpAddressString(address)
        : null;
  }

  private static List<IpSubnetFilterRule> rules(List<String> entries) {
    List<IpSubnetFilterRule> rules = new ArrayList<>();
    for (String entry : entries) {
      String[] parts = entry.strip().split("/", 2);
      String host = withoutPort(parts[0]);
      InetAddress ip = literal(host);
      if (ip == null) {
        LOG.warnf(
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES entry '%s' is no address or network: the rate limits and the staff"
                + " login throttle do not trust it (name the proxy by its address)",
            entry);
        continue;
      }
      int bits = ip.getAddress().length * 8;
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
      rules.add(new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT));
    }
    return List.copyOf(rules);
  }
}
