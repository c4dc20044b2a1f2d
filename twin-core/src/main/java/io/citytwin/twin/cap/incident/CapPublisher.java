package io.citytwin.twin.cap.incident;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who CityTwin publishes its CAP alerts as, and how.
 *
 * @param sender CAP {@code <sender>}: globally unique, e.g. {@code operations@citytwin.example}
 * @param senderName the authority's name for people, e.g. {@code Monaco operations centre}
 * @param identifierPrefix first part of every alert {@code <identifier>}, e.g. {@code citytwin}:
 *     identifiers read {@code citytwin.INC-20261124-0001.3}
 * @param zone the zone whose offset {@code <sent>} carries (CAP writes UTC as {@code -00:00})
 * @param language RFC 3066 tag of the alert text, e.g. {@code en}
 * @param web base URL of the public HTTP API, e.g. {@code https://citytwin.example}; each alert's
 *     {@code <web>} then links {@code {web}/api/incidents/{id}}. Null for no link.
 */
public record CapPublisher(
    String sender, String senderName, String identifierPrefix, ZoneId zone, String language,
    String web) {
  private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");

  public CapPublisher {
    requireCapIdentifier("sender", sender);
    requireCapIdentifier("identifierPrefix", identifierPrefix);
    Objects.requireNonNull(senderName, "senderName");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(language, "language");
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language '" + language + "' is not an RFC 3066 tag such as en or fr-MC");
    }
    if (web != null) {
      web = web.endsWith("/") ? web.substring(0, web.length() - 1) : web;
    }
  }

  /** Sends as {@code sender}, times in UTC, English text, no web link. */
  public static CapPublisher of(String sender, String senderName) {
    return new CapPublisher(sender, senderName, "citytwin", ZoneOffset.UTC, "en", null);
  }

  public CapPublisher withZone(ZoneId newZone) {
    return new CapPublisher(sender, senderName, identifierPrefix, newZone, language, web);
  }

  public CapPublisher withWeb(String newWeb) {
    return new CapPublisher(sender, senderName, identifierPrefix, zone, language, newWeb);
  }

  /** CAP 1.2 §3.2.1: no whitespace, comma, {@code <} or {@code &}. */
  private static void requireCapIdentifier(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ',' || c == '<' || c == '&') {
        throw new IllegalArgumentException(what + " '" + value + "' contains '" + c + "' at position "
            + i + "; CAP identifiers and senders may not contain whitespace, commas, '<' or '&'");
      }
    }
  }
}
