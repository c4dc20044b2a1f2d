package io.citytwin.twin.cap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text forms CAP packs into single elements: coordinate pairs ({@code lat,lon}), polygons,
 * circles, reference triples and space-delimited lists whose items may be double-quoted. Readers
 * throw {@link IllegalArgumentException} whose message says what is wrong; writers produce what
 * the readers accept. Pure functions, thread-safe.
 */
final class CapText {
  /** A plain decimal: optional sign, digits, optional fraction; no exponent, NaN or Infinity. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  /** XML whitespace (space, tab, CR, LF), the separator of CAP's space-delimited values. */
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\n]+");
  private static final int SHOWN = 60;

  private CapText() {}

  /**
   * {@code d} without exponent or trailing zeros, with as many digits as needed to read back the
   * same double: {@code 43.7276}, {@code 25}, {@code 0.0000001}.
   */
  static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  static double parseNumber(String text, String what) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " '" + abbreviate(text) + "' is not a decimal number");
    }
    return Double.parseDouble(text);
  }

  static BigDecimal parseDecimal(String text) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a decimal number");
    }
    return new BigDecimal(text);
  }

  static String point(CapPoint p) {
    return number(p.lat()) + "," + number(p.lon());
  }

  /** A {@code lat,lon} pair. */
  static CapPoint parsePoint(String text) {
    int comma = text.indexOf(',');
    if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
      throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a latitude,longitude pair");
    }
    return new CapPoint(
        parseNumber(text.substring(0, comma), "latitude"),
        parseNumber(text.substring(comma + 1), "longitude"));
  }

  static String polygon(CapPolygon polygon) {
    StringBuilder b = new StringBuilder();
    for (CapPoint p : polygon.points()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(point(p));
    }
    return b.toString();
  }

  /** Whitespace-separated pairs; empty text is a polygon without points (a rule problem). */
  static CapPolygon parsePolygon(String text) {
    List<CapPoint> points = new ArrayList<>();
    for (String pair : tokens(text)) {
      try {
        points.add(parsePoint(pair));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("point " + points.size() + ": " + e.getMessage(), e);
      }
    }
    return new CapPolygon(points);
  }

  static String circle(CapCircle c) {
    return point(c.centre()) + " " + number(c.radiusKm());
  }

  /** {@code lat,lon radius} with the radius in kilometres. */
  static CapCircle parseCircle(String text) {
    List<String> parts = tokens(text);
    if (parts.size() != 2) {
      throw new IllegalArgumentException(
          "'" + abbreviate(text) + "' is not 'latitude,longitude radius'");
    }
    return new CapCircle(parsePoint(parts.get(0)), parseNumber(parts.get(1), "radius"));
  }

  static String reference(CapReference r) {
    return r.sender() + "," + r.identifier() + "," + CapTime.format(r.sent());
  }

  /** Whitespace-separated {@code sender,identifier,sent} triples. */
  static List<CapReference> parseReferences(String text) {
    List<CapReference> refs = new ArrayList<>();
    for (String triple : tokens(text)) {
      String[] parts = triple.split(",", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "reference " + refs.size() + " '" + abbreviate(triple) + "' is not sender,identifier,sent");
      }
      try {
        refs.add(new CapReference(parts[0], parts[1], CapTime.parse(parts[2])));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("reference " + refs.size() + ": " + e.getMessage(), e);
      }
    }
    return refs;
  }

  /** Items separated by spaces; an item containing whitespace is enclosed in double quotes. */
  static String list(List<String> items) {
    StringBuilder b = new StringBuilder();
    for (String item : items) {
      if (b.length() > 0) {
        b.append(' ');
      }
      boolean quote = item.isEmpty() || WHITESPACE.matcher(item).find();
      b.append(quote ? "\"" + item + "\"" : item);
    }
    return b.toString();
  }

  /** The inverse of {@link #list(List)}. */
  static List<String> parseList(String text) {
    List<String> items = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
      } else if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw new IllegalArgumentException(
              "item " + items.size() + ": opening double quote is never closed");
        }
        items.add(text.substring(i + 1, close));
        i = close + 1;
      } else {
        int end = i;
        while (end < text.length() && !isSpace(text.charAt(end))) {
          end++;
        }
        items.add(text.substring(i, end));
        i = end;
      }
    }
    return items;
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : WHITESPACE.split(text)) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * XML Schema's whitespace collapse (runs of whitespace become one space, none at the ends): what
   * a validator sees in an xs:language, xs:anyURI, xs:decimal or xs:dateTime element.
   */
  static String collapse(String text) {
    if (text == null) {
      return null;
    }
    String s = WHITESPACE.matcher(text).replaceAll(" ");
    int begin = s.startsWith(" ") ? 1 : 0;
    int end = s.length() > begin && s.endsWith(" ") ? s.length() - 1 : s.length();
    return s.substring(begin, end);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** {@code text} cut to a length fit for an error message. */
  static String abbreviate(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
  }
}
