package io.citytwin.twin.cap;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Mutations of CAP documents: structure-aware (remove, duplicate, move, rename elements, replace
 * their text with hostile values, change the namespace) and blind (truncate, insert, delete).
 * Inputs are the project's own fixtures, parsed here with JDK defaults.
 */
final class XmlGarbage {
  private static final String[] NAMES = {
    "identifier", "sender", "sent", "status", "msgType", "scope", "restriction", "addresses", "code",
    "references", "info", "category", "event", "urgency", "severity", "certainty", "effective",
    "eventCode", "valueName", "value", "parameter", "resource", "mimeType", "size", "area",
    "areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling", "language", "web", "bogus"
  };
  private static final String[] VALUES = {
    "", " ", "Actual", "Update", "Private", "Restricted", "Fire", "Immediate", "Unknown", "en-US",
    "en US", "2011-09-02T11:36:50-00:00", "2011-09-02T11:36:50Z", "2011-13-45T99:99:99+25:00",
    "2011-09-02T11:36:50.5+00:00", "0000-01-01T00:00:00-00:00", "2011-09-02T24:00:00+14:00",
    "1,1 1,2 2,2 1,1", "1,1 1,2 2,2", "91,1 1,200 2,2 91,1", "1,1,1 2", "NaN,NaN", "1e5,2 3,4",
    "+41.12,-117.61 +41.06,-117.47, 1,1", "1,1 -5", "1,1 10", "12.5", "-3", "1e3", "abc",
    "99999999999999999999999", "a,b,2011-09-02T11:36:50-00:00", "a,b", "\"x y\" z", "\"open",
    "a b", "a,b", "<&>", "\uD83D\uDE92", "x".repeat(500)
  };
  private static final String BLIND = "<>/&;=\"'!?[]-: \n\t\u0000é漢";
  private static final String[] NAMESPACES = {
    "urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1",
    "urn:oasis:names:tc:emergency:cap:1.0", "http://www.w3.org/2005/Atom", ""
  };

  private XmlGarbage() {}

  /** One to three structural edits of {@code xml}, then maybe a blind one. */
  static String mutate(String xml, Random r) {
    Document doc = parse(xml);
    for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
      edit(doc, r);
    }
    String text = serialize(doc);
    return r.nextInt(4) == 0 ? blind(text, r) : text;
  }

  /** A prefix of {@code text}. */
  static String truncate(String text, Random r) {
    return text.substring(0, r.nextInt(text.length() + 1));
  }

  /** One blind edit: truncate, insert, delete, or repeat a slice. */
  static String blind(String text, Random r) {
    if (text.isEmpty()) {
      return String.valueOf(BLIND.charAt(r.nextInt(BLIND.length())));
    }
    int i = r.nextInt(text.length());
    int j = i + r.nextInt(Math.min(40, text.length() - i) + 1);
    return switch (r.nextInt(4)) {
      case 0 -> text.substring(0, i);
      case 1 -> text.substring(0, i) + BLIND.charAt(r.nextInt(BLIND.length())) + text.substring(i);
      case 2 -> text.substring(0, i) + text.substring(j);
      default -> text.substring(0, j) + text.substring(i);
    };
  }

  private static void edit(Document doc, Random r) {
    List<Element> all = elements(doc.getDocumentElement());
    Element e = all.get(r.nextInt(all.size()));
    Node parent = e.getParentNode();
    switch (r.nextInt(7)) {
      case 0 -> {
        if (parent instanceof Element) {
          parent.removeChild(e);
        }
      }
      case 1 -> {
        if (parent instanceof Element) {
          parent.insertBefore(e.cloneNode(true), e.getNextSibling());
        }
      }
      case 2 -> {
        Element target = all.get(r.nextInt(all.size()));
        if (parent instanceof Element && !isAncestor(e, target)) {
          target.appendChild(e);
        }
      }
      case 3 -> doc.renameNode(e, e.getNamespaceURI(), NAMES[r.nextInt(NAMES.length)]);
      case 4 -> doc.renameNode(doc.getDocumentElement(), NAMESPACES[r.nextInt(NAMESPACES.length)].isEmpty()
          ? null : NAMESPACES[r.nextInt(NAMESPACES.length)], r.nextBoolean() ? "alert" : "feed");
      default -> {
        if (e.getElementsByTagNameNS("*", "*").getLength() == 0) {
          e.setTextContent(VALUES[r.nextInt(VALUES.length)]);
        } else {
          Element added = doc.createElementNS(e.getNamespaceURI(), NAMES[r.nextInt(NAMES.length)]);
          added.setTextContent(VALUES[r.nextInt(VALUES.length)]);
          e.insertBefore(added, e.getFirstChild());
        }
      }
    }
  }

  private static boolean isAncestor(Node a, Node b) {
    for (Node n = b; n != null; n = n.getParentNode()) {
      if (n == a) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> elements(Element root) {
    List<Element> out = new ArrayList<>();
    out.add(root);
    NodeList nodes = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException("fixture is not XML", e);
    }
  }

  static String serialize(Node node) {
    try {
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
