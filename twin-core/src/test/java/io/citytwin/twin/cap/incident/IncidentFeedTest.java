package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.cap.CapAtomFeed;
import io.citytwin.twin.cap.CapParseResult;
import io.citytwin.twin.cap.CapParser;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.rule.Alarm;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Atom feed lists the active incidents' alerts, linking and embedding each one. */
class IncidentFeedTest {
  private static final String ATOM = CapAtomFeed.ATOM_NAMESPACE;
  private static final GeometryFactory GF = new GeometryFactory();
  private static final long T0 = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
  private static final IncidentCap CAP =
      new IncidentCap(CapPublisher.of("operations@citytwin.example", "CityTwin operations centre"));

  @Test
  void activeIncidentsOnlyNewestFirstEachLinkedAndEmbedded() throws Exception {
    Book book = new Book();
    raise(book, IncidentType.FLOOD, "district/MC-FV", T0, false);
    raise(book, IncidentType.GAS_LEAK, "building/w7", T0 + 60_000, true);
    raise(book, IncidentType.FIRE, "building/w9", T0 + 120_000, false);
    Incident over = book.state.incidents().stream().filter(i -> i.type() == IncidentType.FIRE).findFirst().orElseThrow();
    book.accept(new IncidentCommand.Resolve(over.id(), "commander", "out", T0 + 180_000));

    String xml = CAP.feed(book.state.incidents(), "https://citytwin.example/", Instant.ofEpochMilli(T0 + 180_000));

    Element feed = parse(xml);
    assertThat(text(feed, "id")).isEqualTo("https://citytwin.example/api/incidents/feed.atom");
    assertThat(OffsetDateTime.parse(text(feed, "updated")).toInstant()).isEqualTo(Instant.ofEpochMilli(T0 + 180_000));
    List<Element> entries = children(feed, "entry");
    List<Incident> active = book.state.activeIncidents();
    assertThat(entries).hasSize(2);
    assertThat(entries).extracting(e -> text(e, "id")).containsExactly(
        "https://citytwin.example/api/incidents/" + active.get(1).id() + "/cap",
        "https://citytwin.example/api/incidents/" + active.get(0).id() + "/cap");
    for (int n = 0; n < entries.size(); n++) {
      Incident incident = active.get(1 - n);
      Element entry = entries.get(n);
      assertThat(children(entry, "link").get(0).getAttribute("href")).isEqualTo(text(entry, "id"));
      CapParseResult embedded = new CapParser().parse(embeddedAlert(entry), "entry " + n);
      assertThat(embedded.problems()).isEmpty();
      assertThat(embedded.alert()).contains(CAP.alert(incident));
    }
  }

  @Test
  void anEmptyFeedIsDatedByTheBook() throws Exception {
    Element feed = parse(CAP.feed(List.of(), "https://citytwin.example", Instant.ofEpochMilli(T0)));

    assertThat(children(feed, "entry")).isEmpty();
    assertThat(text(feed, "updated")).isEqualTo("2026-11-24T09:30:00Z");
  }

  private static void raise(Book book, IncidentType type, String place, long at, boolean exercise) {
    book.accept(IncidentCommand.Raise.of(new Alarm("rule-" + type.code(), type, Severity.MODERATE, place,
        GF.createPoint(new Coordinate(7.42, 43.73)), type.code() + " at " + place, List.of(), at, exercise)));
  }

  private static byte[] embeddedAlert(Element entry) throws Exception {
    Element content = children(entry, "content").get(0);
    Element alert = null;
    for (Node n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        alert = e;
      }
    }
    assertThat(alert).isNotNull();
    assertThat(alert.getNamespaceURI()).isEqualTo(CapWriter.NAMESPACE);
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    t.transform(new DOMSource(alert), new StreamResult(out));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    return root;
  }

  private static String text(Element parent, String name) {
    return children(parent, name).get(0).getTextContent();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }
}
