package io.citytwin.geo.osm;

import io.citytwin.geo.GisInputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OSM XML (API 0.6 format) with StAX. DTDs and external entities are switched off, so a
 * hostile file cannot read local files or expand entity bombs. Elements other than node, way,
 * relation and their children are ignored; objects marked {@code action="delete"} or {@code
 * visible="false"} (JOSM/history files) are skipped.
 */
final class OsmXmlReader {
  private static final XMLInputFactory FACTORY = secureFactory();

  private final String source;
  private final OsmDataBuilder out;
  private XMLStreamReader xml;

  private OsmXmlReader(String source) {
    this.source = source;
    this.out = new OsmDataBuilder(source);
  }

  static OsmData read(InputStream in, String source) {
    return new OsmXmlReader(source).readAll(in);
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return f;
  }

  private OsmData readAll(InputStream in) {
    try {
      xml = FACTORY.createXMLStreamReader(in);
      try {
        xml.nextTag();
        if (!"osm".equals(xml.getLocalName())) {
          throw fail("not an OSM XML file: root element is <" + xml.getLocalName() + ">, expected <osm>");
        }
        readElements();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new GisInputException(source, "malformed XML" + where(e.getLocation()) + ": " + firstLine(e), e);
    }
    return out.build();
  }

  private void readElements() throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "node" -> readNode();
        case "way" -> readWay();
        case "relation" -> readRelation();
        default -> {
          // bounds, changeset, note, meta: not needed
        }
      }
    }
  }

  private boolean live() {
    return !"delete".equals(xml.getAttributeValue(null, "action"))
        && !"false".equals(xml.getAttributeValue(null, "visible"));
  }

  private void readNode() throws XMLStreamException {
    boolean live = live();
    long id = longAttr("id");
    double lat = doubleAttr("lat");
    double lon = doubleAttr("lon");
    Map<String, String> tags = new HashMap<>();
    readChildren("node", tags, null, null);
    if (live) {
      out.node(id, lon, lat, tags);
    }
  }

  private void readWay() throws XMLStreamException {
    boolean live = live();
    long id = longAttr("id");
    Map<String, String> tags = new HashMap<>();
    List<Long> refs = new ArrayList<>();
    readChildren("way", tags, refs, null);
    if (live) {
      out.way(id, refs.stream().mapToLong(Long::longValue).toArray(), tags);
    }
  }

  private void readRelation() throws XMLStreamException {
    boolean live = live();
    long id = longAttr("id");
    Map<String, String> tags = new HashMap<>();
    List<OsmRelation.Member> members = new ArrayList<>();
    readChildren("relation", tags, null, members);
    if (live) {
      out.relation(id, members, tags);
    }
  }

  /** Reads tag/nd/member children up to the end tag of {@code parent}. */
  private void readChildren(
      String parent, Map<String, String> tags, List<Long> refs, List<OsmRelation.Member> members)
      throws XMLStreamException {
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && parent.equals(xml.getLocalName())) {
        return;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "tag" -> tags.put(out.intern(attr("k")), out.intern(attr("v")));
        case "nd" -> {
          if (refs != null) {
            refs.add(longAttr("ref"));
          }
        }
        case "member" -> {
          if (members != null) {
            String type = attr("type");
            if (!type.equals("node") && !type.equals("way") && !type.equals("relation")) {
              throw fail("member type '" + type + "'" + where(xml.getLocation()) + " is not node, way or relation");
            }
            String role = xml.getAttributeValue(null, "role");
            members.add(new OsmRelation.Member(type, longAttr("ref"), out.intern(role == null ? "" : role)));
          }
        }
        default -> {
          // unknown child element: ignored
        }
      }
    }
  }

  private String attr(String name) {
    String v = xml.getAttributeValue(null, name);
    if (v == null) {
      throw fail("<" + xml.getLocalName() + ">" + where(xml.getLocation()) + " lacks attribute '" + name + "'");
    }
    return v;
  }

  private long longAttr(String name) {
    String v = attr(name);
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw fail("attribute " + name + "=\"" + v + "\"" + where(xml.getLocation()) + " is not an integer");
    }
  }

  private double doubleAttr(String name) {
    String v = attr(name);
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw fail("attribute " + name + "=\"" + v + "\"" + where(xml.getLocation()) + " is not a number");
    }
  }

  private GisInputException fail(String problem) {
    return new GisInputException(source, problem);
  }

  private static String where(Location loc) {
    return loc == null ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
  }

  /** StAX messages repeat the location on their first line; keep only the reason. */
  private static String firstLine(XMLStreamException e) {
    String msg = String.valueOf(e.getMessage());
    int idx = msg.indexOf("Message: ");
    return (idx >= 0 ? msg.substring(idx + 9) : msg).strip();
  }
}
