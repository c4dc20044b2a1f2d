package io.citytwin.twin.cap;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link CapAlert} as a CAP 1.2 XML document (namespace {@value #NAMESPACE}, media type
 * {@value #MEDIA_TYPE}, UTF-8): elements in schema order, times as {@code
 * YYYY-MM-DDThh:mm:ss±hh:mm} with UTC as {@code -00:00}, polygons as {@code lat,lon lat,lon ...}
 * (latitude first), circles as {@code lat,lon radius}, space-delimited lists with items containing
 * whitespace in double quotes. Text is escaped so a parser reads back the same characters;
 * characters XML cannot carry become U+FFFD.
 *
 * <p>Any alert is written as given, so whether the output is valid CAP depends on the alert (at
 * least one category per info, closed polygons, references for an Update, ...): {@link
 * CapValidator#validate(CapAlert)} checks exactly this output against the schema and the rules.
 * Pure, thread-safe.
 */
public final class CapWriter {
  public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
  /** The media type of a CAP document (RFC 6838 registration by OASIS). */
  public static final String MEDIA_TYPE = "application/cap+xml";

  private CapWriter() {}

  /** The alert as a standalone XML document. */
  public static String write(CapAlert alert) {
    XmlOut out = new XmlOut().declaration();
    writeElement(out, alert);
    return out.toString();
  }

  /** {@link #write} encoded as UTF-8, the encoding the XML declaration names. */
  public static byte[] writeBytes(CapAlert alert) {
    return write(alert).getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code <alert>} element, declaring its namespace, for embedding (e.g. in an Atom feed). */
  static void writeElement(XmlOut out, CapAlert a) {
    out.open("alert", "xmlns", NAMESPACE)
        .leaf("identifier", a.identifier())
        .leaf("sender", a.sender())
        .leaf("sent", CapTime.format(a.sent()))
        .leaf("status", a.status().cap())
        .leaf("msgType", a.msgType().cap())
        .optional("source", a.source())
        .leaf("scope", a.scope().cap())
        .optional("restriction", a.restriction())
        .optional("addresses", a.addresses().isEmpty() ? null : CapText.list(a.addresses()));
    for (String code : a.codes()) {
      out.leaf("code", code);
    }
    out.optional("note", a.note())
        .optional("references", a.references().isEmpty() ? null : references(a.references()))
        .optional("incidents", a.incidents().isEmpty() ? null : CapText.list(a.incidents()));
    for (CapInfo info : a.infos()) {
      info(out, info);
    }
    out.close("alert");
  }

  private static void info(XmlOut out, CapInfo i) {
    out.open("info").leaf("language", i.language());
    for (CapCategory c : i.categories()) {
      out.leaf("category", c.cap());
    }
    out.leaf("event", i.event());
    for (CapResponseType r : i.responseTypes()) {
      out.leaf("responseType", r.cap());
    }
    out.leaf("urgency", i.urgency().cap())
        .leaf("severity", i.severity().cap())
        .leaf("certainty", i.certainty().cap())
        .optional("audience", i.audience());
    pairs(out, "eventCode", i.eventCodes());
    out.optional("effective", i.effective() == null ? null : CapTime.format(i.effective()))
        .optional("onset", i.onset() == null ? null : CapTime.format(i.onset()))
        .optional("expires", i.expires() == null ? null : CapTime.format(i.expires()))
        .optional("senderName", i.senderName())
        .optional("headline", i.headline())
        .optional("description", i.description())
        .optional("instruction", i.instruction())
        .optional("web", i.web())
        .optional("contact", i.contact());
    pairs(out, "parameter", i.parameters());
    for (CapResource r : i.resources()) {
      out.open("resource")
          .leaf("resourceDesc", r.resourceDesc())
          .leaf("mimeType", r.mimeType())
          .optional("size", r.size() == null ? null : r.size().toString())
          .optional("uri", r.uri())
          .optional("derefUri", r.derefUri())
          .optional("digest", r.digest())
          .close("resource");
    }
    for (CapArea area : i.areas()) {
      area(out, area);
    }
    out.close("info");
  }

  private static void area(XmlOut out, CapArea a) {
    out.open("area").leaf("areaDesc", a.areaDesc());
    for (CapPolygon p : a.polygons()) {
      out.leaf("polygon", CapText.polygon(p));
    }
    for (CapCircle c : a.circles()) {
      out.leaf("circle", CapText.circle(c));
    }
    pairs(out, "geocode", a.geocodes());
    out.optional("altitude", plain(a.altitude())).optional("ceiling", plain(a.ceiling()));
    out.close("area");
  }

  private static void pairs(XmlOut out, String name, List<CapValuePair> pairs) {
    for (CapValuePair p : pairs) {
      out.open(name).leaf("valueName", p.valueName()).leaf("value", p.value()).close(name);
    }
  }

  private static String references(List<CapReference> refs) {
    StringBuilder b = new StringBuilder();
    for (CapReference r : refs) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(CapText.reference(r));
    }
    return b.toString();
  }

  private static String plain(BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }
}
