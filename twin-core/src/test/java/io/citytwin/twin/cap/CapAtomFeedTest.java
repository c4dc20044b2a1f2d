package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Atom feed is well-formed Atom whose every entry links to its CAP document and embeds the
 * alert, which reads back valid and equal.
 */
class CapAtomFeedTest {
  private static final String ATOM = CapAtomFeed.ATOM_NAMESPACE;
  private static final CapAtomFeed.Header HEADER = new CapAtomFeed.Header(
      URI.create("urn:uuid:5f0c5d3e-7b1a-4c1e-9d0e-4f1c2a3b4c5d"), "CityTwin active alerts & drills",
      URI.create("https://citytwin.example/api/alerts.atom"),
      OffsetDateTime.parse("2026-11-24T10:00:00+01:00"), "CityTwin operations centre");
  private final CapParser parser = new CapParser();

  @Test
  void feedOfRealAndDrillAlertsIsAtomWithLinkedAndEmbeddedCap() throws Exception {
    List<CapAtomFeed.Entry> entries = new ArrayList<>();
    entries.add(entry(CapWriterTest.full(), 42));
    for (String name : Samples.VALID) {
      entries.add(entry(parser.parse(Samples.bytes(name), name).validAlert().orElseThrow(), entries.size()));
    }

    Document feed = parseFeed(CapAtomFeed.write(HEADER, entries));

    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(text(root, "id")).isEqualTo("urn:uuid:5f0c5d3e-7b1a-4c1e-9d0e-4f1c2a3b4c5d");
    assertThat(text(root, "title")).isEqualTo("CityTwin active alerts & drills");
    assertThat(text(root, "updated")).isEqualTo("2026-11-24T10:00:00+01:00");
    assertThat(text(child(root, "author"), "name")).isEqualTo("CityTwin operations centre");
    assertThat(child(root, "link").getAttribute("rel")).isEqualTo("self");
    List<Element> feedEntries = children(root, "entry");
    assertThat(feedEntries).hasSize(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      assertEntry(feedEntries.get(i), entries.get(i));
    }
  }

  @Test
  void entryFieldsComeFromTheFirstInfo() throws Exception {
    CapAlert alert = CapWriterTest.full();
    Element entry = onlyEntry(CapAtomFeed.write(HEADER, List.of(entry(alert, 1))));

    assertThat(text(entry, "title")).isEqualTo("Fire at Stade Louis II");
    assertThat(text(entry, "summary")).isEqualTo("Smoke detectors 2 & 3 < 60 s apart");
    assertThat(text(child(entry, "author"), "name")).isEqualTo("CityTwin operations centre");
    assertThat(text(entry, "updated")).isEqualTo("2026-11-24T09:30:15+01:00");
  }

  @Test
  void alertWithoutInfoIsTitledByTypeAndSummarisedByItsNote() throws Exception {
    OffsetDateTime sent = OffsetDateTime.parse("2026-11-24T11:00:00Z");
    CapAlert cancel = CapAlert.builder("citytwin-42-2", "ops@citytwin.example", sent)
        .msgType(CapMsgType.CANCEL).note("fire out").reference(CapWriterTest.full().asReference()).build();
    Element entry = onlyEntry(CapAtomFeed.write(HEADER, List.of(entry(cancel, 1))));

    assertThat(text(entry, "title")).isEqualTo("Cancel citytwin-42-2");
    assertThat(text(entry, "summary")).isEqualTo("fire out");
    assertThat(text(child(entry, "author"), "name")).isEqualTo("ops@citytwin.example");
    assertThat(text(entry, "updated")).isEqualTo("2026-11-24T11:00:00Z");
  }

  @Property(tries = 100, seed = "4621")
  void everyGeneratedEntryEmbedsItsAlert(@ForAll("alertLists") List<CapAlert> alerts) throws Exception {
    List<CapAtomFeed.Entry> entries = new ArrayList<>();
    for (CapAlert a : alerts) {
      entries.add(entry(a, entries.size()));
    }

    List<Element> feedEntries = children(parseFeed(CapAtomFeed.write(HEADER, entries)).getDocumentElement(), "entry");

    assertThat(feedEntries).hasSize(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      assertEntry(feedEntries.get(i), entries.get(i));
    }
  }

  @Provide
  Arbitrary<List<CapAlert>> alertLists() {
    return Arbitraries.randomValue(r -> {
      List<CapAlert> list = new ArrayList<>();
      for (int i = r.nextInt(5); i > 0; i--) {
        list.add(new RandomCap(r).alert());
      }
      return list;
    });
  }

  private void assertEntry(Element e, CapAtomFeed.Entry expected) {
    String href = expected.capDocument().toString();
    assertThat(text(e, "id")).isEqualTo(href);
    assertThat(text(e, "title")).isNotNull();
    assertThat(OffsetDateTime.parse(text(e, "updated"))).isEqualTo(expected.alert().sent());
    assertThat(text(child(e, "author"), "name")).isNotNull();
    assertThat(text(e, "summary")).isNotNull();
    Element link = child(e, "link");
    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
    assertThat(link.getAttribute("type")).isEqualTo("application/cap+xml");
    assertThat(link.getAttribute("href")).isEqualTo(href);
    Element content = child(e, "content");
    assertThat(content.getAttribute("type")).isEqualTo("application/cap+xml");
    List<Element> embedded = elementChildren(content);
    assertThat(embedded).singleElement().satisfies(alert -> {
      assertThat(alert.getNamespaceURI()).isEqualTo(CapWriter.NAMESPACE);
      assertThat(alert.getLocalName()).isEqualTo("alert");
    });
    byte[] alertXml = XmlGarbage.serialize(embedded.get(0)).getBytes(StandardCharsets.UTF_8);
    CapParseResult read = parser.parse(alertXml, "embedded");
    assertThat(read.problems()).isEmpty();
    assertThat(read.alert()).contains(expected.alert());
  }

  private static Element onlyEntry(String feed) throws Exception {
    return children(parseFeed(feed).getDocumentElement(), "entry").get(0);
  }

  private static CapAtomFeed.Entry entry(CapAlert alert, int n) {
    return new CapAtomFeed.Entry(alert, URI.create("https://citytwin.example/api/incidents/" + n + "/cap"));
  }

  /** Parsed with the same refusal of DOCTYPEs as CAP input: the feed must not need one. */
  private static Document parseFeed(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Element parent, String name) {
    Element c = child(parent, name);
    return c == null ? null : c.getTextContent();
  }

  private static Element child(Element parent, String name) {
    List<Element> all = children(parent, name);
    assertThat(all).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
    return all.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    return elementChildren(parent).stream()
        .filter(c -> ATOM.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())).toList();
  }

  private static List<Element> elementChildren(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el) {
        out.add(el);
      }
    }
    return out;
  }
}
