package io.citytwin.web.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-driven content negotiation on an HTTP {@code Accept} header (RFC 9110 §12.5.1): each
 * offered media type gets the quality of the most specific range that matches it ({@code
 * type/subtype} over {@code type/*} over {@code *}{@code /*}), the highest quality above zero wins
 * and ties go to the earlier offer. Malformed entries are ignored; a missing header, or one with
 * nothing usable in it, accepts the first offer. Pure; thread-safe.
 */
final class AcceptHeader {
  private AcceptHeader() {}

  /** One media range: lower-case type and subtype ({@code *} for any) and its quality 0..1. */
  record Range(String type, String subtype, double q) {
    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 for none. */
    int specificity(String mediaType) {
      String[] ts = mediaType.split("/", 2);
      if (type.equals("*")) {
        return 0;
      }
      if (!type.equals(ts[0])) {
        return -1;
      }
      if (subtype.equals("*")) {
        return 1;
      }
      return subtype.equals(ts[1]) ? 2 : -1;
    }
  }

  /** The well-formed ranges of a header, in order. */
  static List<Range> parse(String header) {
    List<Range> ranges = new ArrayList<>();
    if (header == null) {
      return ranges;
    }
    for (String entry : header.split(",")) {
      String[] parts = entry.split(";", -1);
      String media = parts[0].trim().toLowerCase(Locale.ROOT);
      // Some old clients (Java's URLConnection) send a bare "*".
      if (media.equals("*")) {
        media = "*/*";
      }
      String[] ts = media.split("/", -1);
      if (ts.length != 2 || !token(ts[0]) || !token(ts[1]) || (ts[0].equals("*") && !ts[1].equals("*"))) {
        continue;
      }
      Double q = 1.0;
      for (int i = 1; i < parts.length && q != null; i++) {
        String p = parts[i].trim();
        if (p.length() >= 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.substring(1).trim().startsWith("=")) {
          q = quality(p.substring(p.indexOf('=') + 1).trim());
        }
      }
      if (q != null) {
        ranges.add(new Range(ts[0], ts[1], q));
      }
    }
    return ranges;
  }

  /**
   * The offer the header prefers, or empty when it accepts none of them.
   *
   * @param offered lower-case media types without parameters, in the server's order of preference
   */
  static Optional<String> choose(String header, List<String> offered) {
    List<Range> ranges = parse(header);
    if (ranges.isEmpty()) {
      return offered.stream().findFirst();
    }
    String best = null;
    double bestQ = 0;
    for (String media : offered) {
      int specificity = -1;
      double q = 0;
      for (Range r : ranges) {
        int s = r.specificity(media);
        if (s > specificity) {
          specificity = s;
          q = r.q();
        }
      }
      if (q > bestQ) {
        best = media;
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean token(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A qvalue: 0 or 1 with up to three decimals; null when it is not one. */
  private static Double quality(String v) {
    if (!v.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
      return null;
    }
    return Double.parseDouble(v);
  }
}
