package io.citytwin.twin.cap;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps a parsed CAP 1.1 or 1.2 element tree onto the model, reporting values that cannot be
 * represented and applying {@link CapRules} to every part as it is built, so a message that cannot
 * be built as a whole (e.g. an info with an empty urgency) still has its polygons checked.
 *
 * <p>Missing required elements are not reported here: the schema already did. Elements are taken
 * by name whatever their order (order is the schema's business); a repeated single element counts
 * once. Optional elements present but empty read as absent. xs:string text is kept as written;
 * language, URI, decimal and time values are whitespace-collapsed as XML Schema does. One instance
 * per document; not thread-safe.
 */
final class CapReader {
  private final CapVersion version;
  private final String ns;
  private final Problems problems;
  /**
   * Set when a required value is missing or unreadable in the part being built (info, area,
   * resource); a broken part breaks its parent, but its siblings are still built and checked.
   */
  private boolean broken;

  CapReader(CapVersion version, Problems problems) {
    this.version = version;
    this.ns = version.namespace();
    this.problems = problems;
  }

  /** The alert, or null when it cannot be built (an error has then been reported). */
  CapAlert alert(XmlNode root) {
    String identifier = required(root, "identifier");
    String sender = required(root, "sender");
    OffsetDateTime sent = time(root.first(ns, "sent"), true);
    CapStatus status = code(root, "status", CapStatus::fromCap, CapStatus.values());
    CapMsgType msgType = code(root, "msgType", CapMsgType::fromCap, CapMsgType.values());
    CapScope scope = code(root, "scope", CapScope::fromCap, CapScope.values());
    List<String> addresses = list(root, "addresses");
    List<String> incidents = list(root, "incidents");
    List<CapReference> references = references(root.first(ns, "references"));
    List<String> codes = new ArrayList<>();
    for (XmlNode c : root.all(ns, "code")) {
      codes.add(c.text());
    }
    boolean envelopeBroken = broken;
    List<CapInfo> infos = new ArrayList<>();
    for (XmlNode i : root.all(ns, "info")) {
      infos.add(info(i));
    }
    if (envelopeBroken) {
      return null;
    }
    // The envelope rules are checked even when an info block is broken, on the readable ones.
    infos.removeIf(Objects::isNull);
    CapAlert alert = new CapAlert(identifier, sender, sent, status, msgType,
        optional(root, "source"), scope, optional(root, "restriction"), addresses, codes,
        optional(root, "note"), references, incidents, infos);
    CapRules.envelope(alert, problems);
    return broken ? null : alert;
  }

  private CapInfo info(XmlNode node) {
    boolean outer = broken;
    broken = false;
    String event = required(node, "event");
    List<CapCategory> categories = codes(node, "category", CapCategory::fromCap, CapCategory.values());
    List<CapResponseType> responses =
        codes(node, "responseType", CapResponseType::fromCap, CapResponseType.values());
    CapUrgency urgency = code(node, "urgency", CapUrgency::fromCap, CapUrgency.values());
    CapSeverity severity = code(node, "severity", CapSeverity::fromCap, CapSeverity.values());
    CapCertainty certainty = code(node, "certainty", CapCertainty::fromCap, CapCertainty.values());
    OffsetDateTime effective = time(node.first(ns, "effective"), false);
    OffsetDateTime onset = time(node.first(ns, "onset"), false);
    OffsetDateTime expires = time(node.first(ns, "expires"), false);
    List<CapResource> resources = new ArrayList<>();
    for (XmlNode r : node.all(ns, "resource")) {
      resources.add(resource(r));
    }
    List<CapArea> areas = new ArrayList<>();
    for (XmlNode a : node.all(ns, "area")) {
      areas.add(area(a));
    }
    List<CapValuePair> eventCodes = pairs(node, "eventCode");
    List<CapValuePair> parameters = pairs(node, "parameter");
    if (broken) {
      return null;
    }
    broken = outer;
    CapInfo info = new CapInfo(collapsed(node, "language"), categories, event, responses, urgency,
        severity, certainty, optional(node, "audience"), eventCodes, effective, onset,
        expires, optional(node, "senderName"), optional(node, "headline"),
        optional(node, "description"), optional(node, "instruction"), collapsed(node, "web"),
        optional(node, "contact"), parameters, resources, areas);
    CapRules.info(info, node.path, problems);
    return info;
  }

  private CapResource resource(XmlNode node) {
    boolean outer = broken;
    broken = false;
    String desc = required(node, "resourceDesc");
    // CAP 1.1 made the MIME type optional; 1.2 requires it.
    String mime = node.first(ns, "mimeType") == null && version == CapVersion.V1_1
        ? CapResource.UNKNOWN_MIME_TYPE
        : required(node, "mimeType");
    Long size = null;
    String sizeText = collapsed(node, "size");
    if (sizeText != null) {
      try {
        size = Long.valueOf(sizeText.startsWith("+") ? sizeText.substring(1) : sizeText);
      } catch (NumberFormatException e) {
        fail(node.first(ns, "size"), "'" + CapText.abbreviate(sizeText)
            + "' is not a whole number of bytes up to " + Long.MAX_VALUE);
      }
    }
    if (broken) {
      return null;
    }
    broken = outer;
    return new CapResource(desc, mime, size, collapsed(node, "uri"), optional(node, "derefUri"),
        optional(node, "digest"));
  }

  private CapArea area(XmlNode node) {
    boolean outer = broken;
    broken = false;
    String desc = required(node, "areaDesc");
    List<CapPolygon> polygons = new ArrayList<>();
    // Shapes are checked as they are read, so one unreadable shape does not hide the others'
    // problems.
    for (XmlNode p : node.all(ns, "polygon")) {
      CapPolygon polygon = parse(p, CapText::parsePolygon);
      if (polygon != null) {
        CapRules.polygon(polygon, p.path, problems);
      }
      polygons.add(polygon);
    }
    List<CapCircle> circles = new ArrayList<>();
    for (XmlNode c : node.all(ns, "circle")) {
      CapCircle circle = parse(c, CapText::parseCircle);
      if (circle != null) {
        CapRules.circle(circle, c.path, problems);
      }
      circles.add(circle);
    }
    BigDecimal altitude = decimal(node.first(ns, "altitude"));
    BigDecimal ceiling = decimal(node.first(ns, "ceiling"));
    List<CapValuePair> geocodes = pairs(node, "geocode");
    if (broken) {
      return null;
    }
    broken = outer;
    CapArea area = new CapArea(desc, polygons, circles, geocodes, altitude, ceiling);
    CapRules.altitude(area, node.path, problems);
    return area;
  }

  private List<CapValuePair> pairs(XmlNode node, String name) {
    List<CapValuePair> out = new ArrayList<>();
    for (XmlNode pair : node.all(ns, name)) {
      String valueName = required(pair, "valueName");
      String value = required(pair, "value");
      if (valueName != null && value != null) {
        out.add(new CapValuePair(valueName, value));
      }
    }
    return out;
  }

  private List<CapReference> references(XmlNode node) {
    if (node == null) {
      return List.of();
    }
    List<CapReference> refs = parse(node, CapText::parseReferences);
    if (refs == null) {
      return List.of();
    }
    // The references' times follow the same rules as <sent>.
    for (String triple : CapText.tokens(node.text())) {
      plusZeroWarning(node, triple.substring(triple.lastIndexOf(',') + 1));
    }
    return refs;
  }

  private List<String> list(XmlNode parent, String name) {
    XmlNode node = parent.first(ns, name);
    List<String> items = node == null ? List.of() : parse(node, CapText::parseList);
    return items == null ? List.of() : items;
  }

  private OffsetDateTime time(XmlNode node, boolean required) {
    if (node == null) {
      if (required) {
        broken = true;
      }
      return null;
    }
    String text = CapText.collapse(node.text());
    OffsetDateTime t = parse(node, CapTime::parse, text);
    if (t != null) {
      plusZeroWarning(node, text);
    }
    return t;
  }

  private void plusZeroWarning(XmlNode node, String text) {
    if (version == CapVersion.V1_2 && CapTime.isPlusZeroUtc(text)) {
      // CAP 1.1 allowed "+00:00" for UTC; CAP 1.2 §3.3.2 says UTC MUST be "-00:00". The instant is
      // unambiguous, so the message stays acceptable, with a warning.
      problems.warning(node.path, "'" + text + "' writes UTC as +00:00; CAP 1.2 requires -00:00");
    }
  }

  private BigDecimal decimal(XmlNode node) {
    if (node == null) {
      return null;
    }
    // xs:decimal in CAP 1.2, free text in CAP 1.1: the model needs a number either way.
    return parse(node, CapText::parseDecimal, CapText.collapse(node.text()));
  }

  private <T extends CapCode> T code(
      XmlNode parent, String name, Function<String, Optional<T>> lookup, T[] values) {
    XmlNode node = parent.first(ns, name);
    if (node == null) {
      broken = true;
      return null;
    }
    return codeOf(node, lookup, values);
  }

  private <T extends CapCode> List<T> codes(
      XmlNode parent, String name, Function<String, Optional<T>> lookup, T[] values) {
    List<T> out = new ArrayList<>();
    for (XmlNode node : parent.all(ns, name)) {
      T value = codeOf(node, lookup, values);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private <T extends CapCode> T codeOf(
      XmlNode node, Function<String, Optional<T>> lookup, T[] values) {
    T value = lookup.apply(node.text()).orElse(null);
    if (value == null) {
      List<String> allowed = new ArrayList<>();
      for (T v : values) {
        allowed.add(v.cap());
      }
      fail(node, "'" + CapText.abbreviate(node.text()) + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  private String required(XmlNode parent, String name) {
    XmlNode node = parent.first(ns, name);
    if (node == null) {
      broken = true;
      return null;
    }
    return node.text();
  }

  private String optional(XmlNode parent, String name) {
    XmlNode node = parent.first(ns, name);
    return node == null ? null : node.text();
  }

  private String collapsed(XmlNode parent, String name) {
    return CapAlert.emptyToNull(CapText.collapse(optional(parent, name)));
  }

  private <T> T parse(XmlNode node, Function<String, T> reader) {
    return parse(node, reader, node.text());
  }

  private <T> T parse(XmlNode node, Function<String, T> reader, String text) {
    try {
      return reader.apply(text);
    } catch (IllegalArgumentException e) {
      fail(node, e.getMessage());
      return null;
    }
  }

  private void fail(XmlNode node, String message) {
    broken = true;
    problems.error(node.path, message);
  }
}
