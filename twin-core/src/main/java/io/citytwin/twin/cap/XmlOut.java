package io.citytwin.twin.cap;

/**
 * A small XML text builder for documents of fixed shape (CAP, Atom): indented elements, text and
 * attribute escaping. Text is written so any parser reads back exactly the same characters: markup
 * characters are escaped, CR is written {@code &#13;} (a parser would turn a raw CR into LF), and
 * characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR; unpaired surrogates;
 * U+FFFE, U+FFFF) become U+FFFD. Not thread-safe.
 */
final class XmlOut {
  static final char REPLACEMENT = '\uFFFD';
  private final StringBuilder b = new StringBuilder();
  private int depth;

  XmlOut declaration() {
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return this;
  }

  /** {@code <name attr="value" ...>} on its own line; attributes as name, value pairs. */
  XmlOut open(String name, String... attributes) {
    indent().append('<').append(name);
    attributes(attributes);
    b.append(">\n");
    depth++;
    return this;
  }

  XmlOut close(String name) {
    depth--;
    indent().append("</").append(name).append(">\n");
    return this;
  }

  /** {@code <name>text</name>}. */
  XmlOut leaf(String name, String text) {
    indent().append('<').append(name).append('>');
    text(text);
    b.append("</").append(name).append(">\n");
    return this;
  }

  /** {@link #leaf} when {@code text} is not null. */
  XmlOut optional(String name, String text) {
    return text == null ? this : leaf(name, text);
  }

  /** {@code <name attr="value" .../>}. */
  XmlOut empty(String name, String... attributes) {
    indent().append('<').append(name);
    attributes(attributes);
    b.append("/>\n");
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  private StringBuilder indent() {
    for (int i = 0; i < depth; i++) {
      b.append("  ");
    }
    return b;
  }

  private void attributes(String[] attributes) {
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      b.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], true);
      b.append('"');
    }
  }

  private void text(String text) {
    escape(text, false);
  }

  private void escape(String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;"); // "]]>" must not appear in text
        case '\r' -> b.append("&#13;");
        case '"' -> b.append(attribute ? "&quot;" : "\"");
        case '\t' -> b.append(attribute ? "&#9;" : "\t");
        case '\n' -> b.append(attribute ? "&#10;" : "\n");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            b.append(REPLACEMENT);
          } else {
            b.append(c);
          }
        }
      }
    }
  }
}
