package io.citytwin.twin.cap;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The CAP 1.2 rules an XML schema cannot express (CAP 1.2 §3.2, §3.3), checked on the model:
 *
 * <ul>
 *   <li>{@code identifier}, {@code sender} and those in references contain no whitespace, comma,
 *       {@code <} or {@code &};
 *   <li>msgType Update, Cancel, Ack and Error carry {@code references}; Error should explain itself
 *       in {@code note} (warning);
 *   <li>scope Restricted has a {@code restriction}, Private has {@code addresses}; a restriction on
 *       another scope is a warning;
 *   <li>addresses and incidents are non-empty and free of double quotes (they are quoted in the
 *       space-delimited list);
 *   <li>every info has at least one category and an RFC 3066 language tag;
 *   <li>polygons are closed rings of at least four points; all coordinates are in -90..90 /
 *       -180..180; circle radii are not negative; {@code ceiling} only with {@code altitude} and not
 *       below it.
 * </ul>
 *
 * Text-level rules (time form, number syntax) are checked where the text is read ({@link
 * CapParser}). National profiles (CAP-CP, CAP-AU, IPAWS) are not applied. Pure, thread-safe.
 */
public final class CapRules {
  private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");

  private CapRules() {}

  /** Every rule problem of {@code alert}, paths as in {@link CapProblem#path()}; line 0. */
  public static List<CapProblem> check(CapAlert alert) {
    Problems p = new Problems();
    envelope(alert, p);
    for (int i = 0; i < alert.infos().size(); i++) {
      CapInfo info = alert.infos().get(i);
      String path = "info[" + i + "]";
      info(info, path, p);
      for (int j = 0; j < info.areas().size(); j++) {
        area(info.areas().get(j), path + ".area[" + j + "]", p);
      }
    }
    return List.copyOf(p.list());
  }

  /** The rules on the alert's own elements, not its info blocks. */
  static void envelope(CapAlert a, Problems p) {
    identifier("identifier", a.identifier(), p);
    identifier("sender", a.sender(), p);
    for (int i = 0; i < a.references().size(); i++) {
      CapReference r = a.references().get(i);
      identifier("references", "reference " + i + " sender", r.sender(), p);
      identifier("references", "reference " + i + " identifier", r.identifier(), p);
    }
    if (a.msgType() != CapMsgType.ALERT && a.references().isEmpty()) {
      p.error("msgType", "msgType " + a.msgType().cap() + " must reference the earlier message(s) it"
          + " applies to in <references> (sender,identifier,sent); there are none");
    }
    if (a.msgType() == CapMsgType.ERROR && a.note() == null) {
      p.warning("note", "msgType Error should explain the rejection in <note>");
    }
    if (a.scope() == CapScope.RESTRICTED && a.restriction() == null) {
      p.error("scope", "scope Restricted requires a <restriction> saying who may receive the alert");
    }
    if (a.scope() != CapScope.RESTRICTED && a.restriction() != null) {
      p.warning("restriction", "is only meaningful with scope Restricted, not " + a.scope().cap());
    }
    if (a.scope() == CapScope.PRIVATE && a.addresses().isEmpty()) {
      p.error("scope", "scope Private requires <addresses> naming the recipients");
    }
    listItems("addresses", a.addresses(), p);
    listItems("incidents", a.incidents(), p);
  }

  /** The rules on one info block's own elements, not its areas. */
  static void info(CapInfo info, String path, Problems p) {
    if (info.categories().isEmpty()) {
      p.error(path, "at least one <category> is required");
    }
    if (!LANGUAGE.matcher(info.language()).matches()) {
      p.error(path + ".language", "'" + CapText.abbreviate(info.language())
          + "' is not an RFC 3066 language tag such as en-US");
    }
  }

  /** The rules on one area, its polygons and circles included. */
  static void area(CapArea area, String path, Problems p) {
    for (int i = 0; i < area.polygons().size(); i++) {
      polygon(area.polygons().get(i), path + ".polygon[" + i + "]", p);
    }
    for (int i = 0; i < area.circles().size(); i++) {
      circle(area.circles().get(i), path + ".circle[" + i + "]", p);
    }
    altitude(area, path, p);
  }

  static void circle(CapCircle c, String path, Problems p) {
    String range = outOfRange(c.centre());
    if (range != null) {
      p.error(path, "centre " + c.centre() + ": " + range);
    }
    if (c.radiusKm() < 0) {
      p.error(path, "radius " + CapText.number(c.radiusKm()) + " km is negative");
    }
  }

  /** The rules on an area's own values, not its polygons and circles. */
  static void altitude(CapArea area, String path, Problems p) {
    if (area.ceiling() != null && area.altitude() == null) {
      p.error(path, "<ceiling> may only be given together with <altitude>");
    }
    if (area.ceiling() != null && area.altitude() != null
        && area.ceiling().compareTo(area.altitude()) < 0) {
      p.error(path, "ceiling " + area.ceiling().toPlainString() + " ft is below altitude "
          + area.altitude().toPlainString() + " ft");
    }
  }

  static void polygon(CapPolygon polygon, String path, Problems p) {
    List<CapPoint> points = polygon.points();
    if (points.size() < 4) {
      p.error(path, "has " + points.size() + " point" + (points.size() == 1 ? "" : "s")
          + "; a CAP polygon is a closed ring of at least 4 points, the first repeated as the last");
    } else if (!points.get(0).equals(points.get(points.size() - 1))) {
      p.error(path, "ring not closed: first point " + points.get(0) + " differs from last point "
          + points.get(points.size() - 1) + " (CAP polygons repeat the first point at the end)");
    }
    int bad = 0;
    for (int i = 0; i < points.size(); i++) {
      String range = outOfRange(points.get(i));
      if (range != null && bad++ == 0) {
        p.error(path, "point " + i + " (" + points.get(i) + "): " + range
            + " (CAP writes latitude first: lat,lon)");
      }
    }
    if (bad > 1) {
      p.error(path, (bad - 1) + " more point(s) out of range");
    }
  }

  private static String outOfRange(CapPoint pt) {
    if (pt.lat() < -90 || pt.lat() > 90) {
      return "latitude " + CapText.number(pt.lat()) + " is outside -90..90";
    }
    if (pt.lon() < -180 || pt.lon() > 180) {
      return "longitude " + CapText.number(pt.lon()) + " is outside -180..180";
    }
    return null;
  }

  private static void identifier(String path, String value, Problems p) {
    identifier(path, path, value, p);
  }

  private static void identifier(String path, String what, String value, Problems p) {
    if (value.isEmpty()) {
      p.error(path, what + " is empty");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ',' || c == '<' || c == '&') {
        p.error(path, what + " '" + CapText.abbreviate(value) + "' contains "
            + describe(c) + " at position " + i
            + "; CAP identifiers may not contain whitespace, commas, '<' or '&'");
        return;
      }
    }
  }

  private static String describe(char c) {
    return switch (c) {
      case ' ' -> "a space";
      case ',' -> "a comma";
      case '<', '&' -> "'" + c + "'";
      default -> String.format("whitespace U+%04X", (int) c);
    };
  }

  private static void listItems(String path, List<String> items, Problems p) {
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      if (item.isEmpty()) {
        p.error(path, "item " + i + " is empty");
      } else if (item.indexOf('"') >= 0) {
        p.error(path, "item " + i + " '" + CapText.abbreviate(item)
            + "' contains a double quote, which the space-delimited list cannot carry");
      }
    }
  }
}
