package io.citytwin.twin.cap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An element of a parsed CAP document: name, text, children and where it was (path, line). Built
 * by {@link CapDocumentHandler}; read by {@link CapReader}. Not thread-safe; confined to one parse.
 */
final class XmlNode {
  final String namespace;
  final String name;
  /** {@code alert}, then e.g. {@code info[0].area[1].polygon[0]}. */
  final String path;
  final int line;
  private final List<XmlNode> children = new ArrayList<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final StringBuilder text = new StringBuilder();

  XmlNode(String namespace, String name, String path, int line) {
    this.namespace = namespace;
    this.name = name;
    this.path = path;
    this.line = line;
  }

  /** Appends a child; {@code indexed} children get {@code [n]}, counted per name. */
  XmlNode addChild(String childNamespace, String childName, boolean indexed, int childLine) {
    int n = counts.merge(childName, 1, Integer::sum) - 1;
    String prefix = path.equals("alert") ? "" : path + ".";
    String childPath = prefix + childName + (indexed ? "[" + n + "]" : "");
    XmlNode child = new XmlNode(childNamespace, childName, childPath, childLine);
    children.add(child);
    return child;
  }

  void appendText(char[] ch, int start, int length) {
    text.append(ch, start, length);
  }

  String text() {
    return text.toString();
  }

  List<XmlNode> children() {
    return children;
  }

  /** Children with this namespace and local name, in document order. */
  List<XmlNode> all(String ns, String localName) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(localName) && c.namespace.equals(ns)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first such child, or null. */
  XmlNode first(String ns, String localName) {
    for (XmlNode c : children) {
      if (c.name.equals(localName) && c.namespace.equals(ns)) {
        return c;
      }
    }
    return null;
  }

  /** Every node's line by path, for placing problems found on the model. */
  void collectLines(Map<String, Integer> out) {
    out.putIfAbsent(path, line);
    for (XmlNode c : children) {
      c.collectLines(out);
    }
  }
}
