package io.citytwin.twin.cap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One pass over a CAP document's SAX events: builds the {@link XmlNode} tree and feeds the same
 * events to the schema validator of the version the root element names, recording each schema
 * error with the path of the element being read. One instance per parse.
 */
final class CapDocumentHandler extends DefaultHandler {
  /** CAP nests five deep; an XML signature under the alert about eight. */
  static final int MAX_DEPTH = 32;
  private static final Set<String> REPEATED =
      Set.of("code", "info", "category", "responseType", "eventCode", "parameter", "resource",
          "area", "polygon", "circle", "geocode");
  /** Xerces writes names as {"namespace":local}; the namespace is noise in a CAP message. */
  private static final Pattern QUALIFIED = Pattern.compile("\"[^\"]*\":");
  private static final Pattern BRACED_NAME = Pattern.compile("\\{(\\w+)}");

  private Locator locator;
  private final Deque<XmlNode> open = new ArrayDeque<>();
  private final List<String[]> pendingPrefixes = new ArrayList<>();
  private final List<CapProblem> schemaProblems = new ArrayList<>();
  private final Set<String> pathsWithSchemaProblems = new HashSet<>();
  private XmlNode root;
  private CapVersion version;
  private ValidatorHandler validator;

  /** Raised to stop reading a document that is XML but cannot be a CAP alert. */
  static final class Refused extends SAXException {
    private static final long serialVersionUID = 1L;
    final int line;

    Refused(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  XmlNode root() {
    return root;
  }

  CapVersion version() {
    return version;
  }

  /** Schema errors in document order, at most one per element path (the first is the cause). */
  List<CapProblem> schemaProblems() {
    return schemaProblems;
  }

  @Override
  public void setDocumentLocator(Locator l) {
    this.locator = l;
  }

  @Override
  public void startPrefixMapping(String prefix, String uri) throws SAXException {
    if (validator == null) {
      pendingPrefixes.add(new String[] {prefix, uri});
    } else {
      validator.startPrefixMapping(prefix, uri);
    }
  }

  @Override
  public void endPrefixMapping(String prefix) throws SAXException {
    if (validator != null) {
      validator.endPrefixMapping(prefix);
    }
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    int line = locator == null ? 0 : locator.getLineNumber();
    if (root == null) {
      startRoot(uri, localName, line);
      open.push(root);
    } else {
      if (open.size() >= MAX_DEPTH) {
        throw new Refused("elements are nested deeper than " + MAX_DEPTH, line);
      }
      open.push(open.peek().addChild(uri, localName, REPEATED.contains(localName), line));
    }
    validator.startElement(uri, localName, qName, atts);
  }

  private void startRoot(String uri, String localName, int line) throws SAXException {
    version = CapVersion.forNamespace(uri).filter(v -> localName.equals("alert")).orElse(null);
    if (version == null) {
      throw new Refused(
          "the root element is " + (uri.isEmpty() ? "" : "{" + uri + "}") + localName
              + ", not a CAP <alert> in namespace " + CapVersion.V1_2.namespace() + " or "
              + CapVersion.V1_1.namespace(),
          line);
    }
    root = new XmlNode(uri, localName, "alert", line);
    validator = CapSchemas.newValidatorHandler(version);
    validator.setErrorHandler(new SchemaErrors());
    if (locator != null) {
      validator.setDocumentLocator(locator);
    }
    validator.startDocument();
    for (String[] p : pendingPrefixes) {
      validator.startPrefixMapping(p[0], p[1]);
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (!open.isEmpty()) {
      open.peek().appendText(ch, start, length);
      validator.characters(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    // The validator judges an element's content at its end: report it while it is still open.
    validator.endElement(uri, localName, qName);
    open.pop();
  }

  @Override
  public void endDocument() throws SAXException {
    if (validator != null) {
      validator.endDocument();
    }
  }

  /** Not well-formed: stop; the parser turns it into a {@link CapFormatException}. */
  @Override
  public void error(SAXParseException e) throws SAXException {
    throw e;
  }

  @Override
  public void fatalError(SAXParseException e) throws SAXException {
    throw e;
  }

  /** {@code '{"urn:...:cap:1.2":info}'} becomes {@code 'info'}. */
  private static String readable(String xercesMessage) {
    String unqualified = QUALIFIED.matcher(xercesMessage).replaceAll("");
    return BRACED_NAME.matcher(unqualified).replaceAll("$1");
  }

  private final class SchemaErrors implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      record(CapProblem.Level.WARNING, e);
    }

    @Override
    public void error(SAXParseException e) {
      record(CapProblem.Level.ERROR, e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      record(CapProblem.Level.ERROR, e);
      throw e;
    }

    private void record(CapProblem.Level level, SAXParseException e) {
      String path = open.isEmpty() ? "alert" : open.peek().path;
      if (pathsWithSchemaProblems.add(path)) {
        String message = e.getMessage() == null ? "invalid against the CAP schema" : e.getMessage();
        schemaProblems.add(
            new CapProblem(level, path, Math.max(e.getLineNumber(), 0),
                readable(message)));
      }
    }
  }
}
