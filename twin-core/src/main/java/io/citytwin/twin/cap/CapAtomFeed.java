package io.citytwin.twin.cap;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * An Atom feed (RFC 4287) of CAP alerts, the index format alerting authorities publish and
 * aggregators (Google Public Alerts, the IFRC/WMO Alert Hub) poll. Each entry both links and
 * embeds its alert:
 *
 * <ul>
 *   <li>{@code <link rel="alternate" type="application/cap+xml" href="...">} to the alert's own CAP
 *       document, the one link aggregators look for (a "thin" feed, as the NWS publishes);
 *   <li>{@code <content type="application/cap+xml">} holding the {@code <alert>} element inline
 *       (RFC 4287 §4.1.3.3: an XML media type is embedded as a child element), so a consumer gets
 *       every active alert in one request instead of one fetch per entry (a "fat" feed).
 * </ul>
 *
 * Entry {@code id} is the CAP document's URI (stable per incident, so an Update replaces the entry
 * rather than adding one), {@code title} the first info's headline (else its event), {@code
 * updated} the alert's {@code sent}, {@code author} the first info's sender name (else the
 * sender), {@code summary} its description (else headline, else event). An alert without info
 * (e.g. a Cancel) is titled by msgType and identifier and summarised by its note. Pure,
 * thread-safe.
 */
public final class CapAtomFeed {
  public static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
  public static final String MEDIA_TYPE = "application/atom+xml";

  private CapAtomFeed() {}

  /**
   * The feed's own metadata.
   *
   * @param id permanent, unique URI of the feed
   * @param title e.g. {@code CityTwin active alerts}
   * @param self where the feed is served (the {@code rel="self"} link)
   * @param updated when the feed last changed
   * @param author the publishing authority's name
   */
  public record Header(URI id, String title, URI self, OffsetDateTime updated, String author) {
    public Header {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(self, "self");
      Objects.requireNonNull(updated, "updated");
      Objects.requireNonNull(author, "author");
    }
  }

  /**
   * One alert and the absolute URI its CAP document is served at (unique within the feed).
   */
  public record Entry(CapAlert alert, URI capDocument) {
    public Entry {
      Objects.requireNonNull(alert, "alert");
      Objects.requireNonNull(capDocument, "capDocument");
    }
  }

  /** The feed as a UTF-8 XML document, entries in the given order. */
  public static String write(Header header, List<Entry> entries) {
    XmlOut out = new XmlOut().declaration();
    out.open("feed", "xmlns", ATOM_NAMESPACE)
        .leaf("id", header.id().toString())
        .leaf("title", header.title())
        .leaf("updated", atomTime(header.updated()))
        .open("author").leaf("name", header.author()).close("author")
        .empty("link", "rel", "self", "type", MEDIA_TYPE, "href", header.self().toString());
    for (Entry e : entries) {
      entry(out, e);
    }
    out.close("feed");
    return out.toString();
  }

  private static void entry(XmlOut out, Entry e) {
    CapAlert a = e.alert();
    CapInfo info = a.infos().isEmpty() ? null : a.infos().get(0);
    String uri = e.capDocument().toString();
    out.open("entry")
        .leaf("id", uri)
        .leaf("title", title(a, info))
        .leaf("updated", atomTime(a.sent()))
        .open("author")
        .leaf("name", info != null && info.senderName() != null ? info.senderName() : a.sender())
        .close("author")
        .empty("link", "rel", "alternate", "type", CapWriter.MEDIA_TYPE, "href", uri)
        .leaf("summary", summary(a, info))
        .open("content", "type", CapWriter.MEDIA_TYPE);
    CapWriter.writeElement(out, a);
    out.close("content").close("entry");
  }

  private static String title(CapAlert a, CapInfo info) {
    if (info == null) {
      return a.msgType().cap() + " " + a.identifier();
    }
    return info.headline() != null ? info.headline() : info.event();
  }

  private static String summary(CapAlert a, CapInfo info) {
    if (info == null) {
      return a.note() != null ? a.note() : a.msgType().cap() + " from " + a.sender();
    }
    if (info.description() != null) {
      return info.description();
    }
    return info.headline() != null ? info.headline() : info.event();
  }

  /** RFC 3339 as Atom uses it: whole seconds, {@code Z} for UTC (CAP's "-00:00" rule is CAP's). */
  private static String atomTime(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
