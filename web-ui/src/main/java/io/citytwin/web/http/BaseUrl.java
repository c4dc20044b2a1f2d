package io.citytwin.web.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL a client reached this server at ({@code scheme://host[:port]}, no path), for links the
 * server writes into documents (the Atom feed). Behind a reverse proxy the proxy's {@code
 * X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} win over the request's
 * own scheme and {@code Host}; a list (several proxies) counts by its first, client-facing, entry.
 * A value that is not a plain scheme, host name, IP literal or port is ignored rather than echoed
 * into documents. Default ports (80 for http, 443 for https) are left out. Pure.
 */
final class BaseUrl {
  private static final String LABEL = "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?";
  private static final Pattern AUTHORITY = Pattern.compile(
      "(" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-f:.]{2,45}\\])(?::([0-9]{1,5}))?");

  private BaseUrl() {}

  /**
   * @param scheme the request's own scheme ({@code http} or {@code https})
   * @param host the request's {@code Host} (or HTTP/2 {@code :authority}), or null
   * @param forwardedProto {@code X-Forwarded-Proto}, or null
   * @param forwardedHost {@code X-Forwarded-Host}, or null
   * @param forwardedPort {@code X-Forwarded-Port}, or null
   * @param local the server's own address and port (used when no usable host was sent)
   */
  static String derive(String scheme, String host, String forwardedProto, String forwardedHost,
      String forwardedPort, String local) {
    String proto = first(forwardedProto);
    proto = "http".equals(proto) || "https".equals(proto) ? proto : scheme.toLowerCase(Locale.ROOT);
    Matcher authority = matching(first(forwardedHost));
    if (authority == null) {
      authority = matching(first(host));
    }
    if (authority == null) {
      authority = matching(local);
    }
    String name = authority == null ? "localhost" : authority.group(1);
    Integer port = port(first(forwardedPort));
    if (port == null && authority != null) {
      port = port(authority.group(2));
    }
    boolean defaultPort = port == null || (proto.equals("http") && port == 80) || (proto.equals("https") && port == 443);
    return proto + "://" + name + (defaultPort ? "" : ":" + port);
  }

  private static String first(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    String v = headerValue.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? null : v;
  }

  private static Matcher matching(String authority) {
    if (authority == null) {
      return null;
    }
    Matcher m = AUTHORITY.matcher(authority.toLowerCase(Locale.ROOT));
    return m.matches() && (m.group(2) == null || port(m.group(2)) != null) ? m : null;
  }

  private static Integer port(String text) {
    if (text == null || !text.matches("[0-9]{1,5}")) {
      return null;
    }
    int p = Integer.parseInt(text);
    return p >= 1 && p <= 65535 ? p : null;
  }
}
