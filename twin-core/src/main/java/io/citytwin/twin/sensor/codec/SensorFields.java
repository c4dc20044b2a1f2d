package io.citytwin.twin.sensor.codec;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the fields of one sensor entry (a GeoJSON feature, a CSV line, a request body) and
 * builds the {@link Sensor}. Every failure names the source, the entry and the field. The shared
 * rules of all three formats live here so that they cannot drift apart.
 */
final class SensorFields {
  /** Longest display name accepted. */
  static final int MAX_NAME = 200;
  /** Shortest secret accepted: device secrets are generated tokens, not memorable passwords. */
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 256;

  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d{1,400}(\\.\\d{0,400})?|\\.\\d{1,400})([eE][-+]?\\d{1,6})?");
  private static final String KINDS =
      Arrays.stream(SensorKind.values()).map(SensorKind::code).collect(Collectors.joining(", "));
  private static final String AGENCIES =
      Arrays.stream(Agency.values()).map(Agency::code).collect(Collectors.joining(", "));
  private static final String QUANTITIES =
      Arrays.stream(Quantity.values()).map(Quantity::canonicalName).collect(Collectors.joining(", "));

  private final String source;
  private final String where;

  /**
   * @param source file name or label, e.g. {@code sensors.csv}
   * @param where the entry, e.g. {@code line 7}; null for a single-entry source
   */
  SensorFields(String source, String where) {
    this.source = source;
    this.where = where;
  }

  String where() {
    return where;
  }

  SensorInputException fail(String field, String problem) {
    return new SensorInputException(source, where, field, problem);
  }

  /**
   * The sensor described by already-extracted values; null means absent.
   *
   * @param quantities null for the kind's defaults
   * @param secret a clear-text secret to hash (request bodies); files carry {@code salt/hash}
   */
  Sensor sensor(
      String id,
      String kind,
      double lat,
      double lon,
      List<String> quantities,
      String owner,
      String name,
      String username,
      String salt,
      String hash,
      String secret) {
    String checkedId = id(id);
    SensorKind k = kind(kind);
    Position at = position(lat, lon);
    Set<Quantity> q = quantities == null ? k.defaultQuantities() : quantities(quantities);
    Agency agency = owner == null ? k.defaultOwner() : owner(owner);
    Credentials credentials = credentials(username, salt, hash);
    if (secret != null) {
      credentials = Credentials.forSecret(checkedId, secret(secret));
    }
    return new Sensor(checkedId, k, q, at, null, agency, credentials, name(name));
  }

  String id(String raw) {
    if (raw == null) {
      throw fail("id", "missing");
    }
    if (!Sensor.ID.matcher(raw).matches()) {
      throw fail("id", quote(raw) + " is not a sensor id: 1-64 characters of letters, digits and . _ : -");
    }
    return raw;
  }

  SensorKind kind(String raw) {
    if (raw == null) {
      throw fail("kind", "missing (one of " + KINDS + ")");
    }
    return SensorKind.fromCode(raw)
        .orElseThrow(() -> fail("kind", "unknown kind " + quote(raw) + " (known: " + KINDS + ")"));
  }

  Position position(double lat, double lon) {
    if (!Double.isFinite(lat) || !Position.isLatitude(lat)) {
      throw fail("lat", lat + " is not a latitude (-90..90 degrees)");
    }
    if (!Double.isFinite(lon) || !Position.isLongitude(lon)) {
      throw fail("lon", lon + " is not a longitude (-180..180 degrees)");
    }
    return new Position(lat, lon);
  }

  /** A decimal number written as text (CSV): strict syntax, finite. */
  double decimal(String field, String text) {
    if (text == null || text.isEmpty()) {
      throw fail(field, "missing");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw fail(field, quote(text) + " is not a decimal number");
    }
    double v = Double.parseDouble(text);
    if (!Double.isFinite(v)) {
      throw fail(field, quote(text) + " is too large");
    }
    return v;
  }

  Set<Quantity> quantities(List<String> names) {
    if (names.isEmpty()) {
      throw fail("quantities", "must name at least one quantity (known: " + QUANTITIES + ")");
    }
    Set<Quantity> set = EnumSet.noneOf(Quantity.class);
    for (String n : names) {
      Quantity q = Quantity.byName(n);
      if (q == null) {
        throw fail("quantities", "unknown quantity " + quote(n) + " (known: " + QUANTITIES + ")");
      }
      if (!set.add(q)) {
        throw fail("quantities", quote(n) + " is listed twice");
      }
    }
    return set;
  }

  Agency owner(String raw) {
    return Agency.fromCode(raw)
        .orElseThrow(() -> fail("owner", "unknown agency " + quote(raw) + " (known: " + AGENCIES + ")"));
  }

  String name(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.length() > MAX_NAME) {
      throw fail("name", "longer than " + MAX_NAME + " characters");
    }
    if (raw.chars().anyMatch(Character::isISOControl)) {
      throw fail("name", "contains a control character");
    }
    return raw;
  }

  /** Stored credentials: all three parts or none. */
  Credentials credentials(String username, String salt, String hash) {
    if (username == null && salt == null && hash == null) {
      return null;
    }
    for (String[] part : new String[][] {{"username", username}, {"salt", salt}, {"hash", hash}}) {
      if (part[1] == null) {
        throw fail(part[0], "missing: username, salt and hash go together (or all are absent)");
      }
    }
    if (!Sensor.ID.matcher(username).matches()) {
      throw fail("username", quote(username) + " is not a user name: 1-64 characters of letters, digits and . _ : -");
    }
    byte[] saltBytes = base64("salt", salt);
    if (saltBytes.length < 8 || saltBytes.length > 64) {
      throw fail("salt", "must decode to 8-64 bytes, found " + saltBytes.length);
    }
    byte[] hashBytes = base64("hash", hash);
    if (hashBytes.length != 32) {
      throw fail("hash", "must decode to the 32 bytes of a SHA-256 hash, found " + hashBytes.length);
    }
    return new Credentials(username, salt, hash);
  }

  String secret(String raw) {
    if (raw.length() < MIN_SECRET || raw.length() > MAX_SECRET) {
      throw fail("secret", "must be " + MIN_SECRET + "-" + MAX_SECRET + " characters, found " + raw.length()
          + " (use a generated token)");
    }
    if (raw.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      throw fail("secret", "contains whitespace or a control character");
    }
    return raw;
  }

  private byte[] base64(String field, String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw fail(field, "not Base64: " + e.getMessage());
    }
  }

  /** A value for a message: quoted, control characters escaped, at most 60 characters. */
  static String quote(String raw) {
    StringBuilder b = new StringBuilder("'");
    int n = Math.min(raw.length(), 60);
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(raw.length() > n ? "...'" : "'").toString();
  }
}
