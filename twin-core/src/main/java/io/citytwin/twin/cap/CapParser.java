package io.citytwin.twin.cap;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads CAP 1.2 and CAP 1.1 documents into the CAP 1.2 model, validating them against the OASIS
 * schema of their version and the CAP rules ({@link CapRules}) on the way.
 *
 * <p>Untrusted input is read safely: DOCTYPE declarations are refused (so no external entity, no
 * external DTD, no entity expansion such as "billion laughs" can happen), XInclude is off, JAXP
 * secure processing is on with external access disabled, documents larger than {@link #maxBytes()}
 * and elements nested deeper than 32 are refused, and {@code xsi:schemaLocation} hints are ignored.
 *
 * <p>CAP 1.1 maps onto the same model: its elements are a subset of 1.2's (1.2 added the {@code
 * Avoid} and {@code AllClear} response types and made {@code <resource><mimeType>} required); a
 * 1.1 resource without a MIME type reads as {@code application/octet-stream}, and its free-text
 * {@code altitude}/{@code ceiling} must be decimal numbers to be represented. Written back, it is a
 * CAP 1.2 message.
 *
 * <p>Immutable and thread-safe; each call uses its own parser and validator.
 */
public final class CapParser {
  /** 2 MiB: ample for an alert with many info blocks and detailed polygons. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  private static final SAXParserFactory FACTORY = secureFactory();
  private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";

  private final int maxBytes;

  /** A parser with the {@link #DEFAULT_MAX_BYTES} limit. */
  public CapParser() {
    this(DEFAULT_MAX_BYTES);
  }

  /** A parser refusing documents larger than {@code maxBytes}. */
  public CapParser(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Reads one CAP document.
   *
   * @param source label used in error messages, e.g. a file name or URL
   * @return the alert (when it could be built) and every schema and rule problem
   * @throws CapFormatException when the bytes are not a well-formed, safe XML document of at most
   *     {@link #maxBytes()} bytes whose root is a CAP 1.1 or 1.2 {@code <alert>}
   */
  public CapParseResult parse(byte[] xml, String source) {
    if (xml.length > maxBytes) {
      throw tooLarge(source);
    }
    return parse(new ByteArrayInputStream(xml), source);
  }

  /**
   * Reads one CAP document from {@code in}, which is read up to the end of the document or one
   * byte past {@link #maxBytes()} and not closed.
   *
   * @see #parse(byte[], String)
   */
  public CapParseResult parse(InputStream in, String source) {
    Limited limited = new Limited(in, maxBytes);
    CapDocumentHandler handler = new CapDocumentHandler();
    try {
      XMLReader reader = newReader();
      reader.setContentHandler(handler);
      reader.setErrorHandler(handler);
      reader.parse(new InputSource(limited));
    } catch (CapDocumentHandler.Refused e) {
      throw new CapFormatException(source, e.line, 0, e.getMessage());
    } catch (SAXParseException e) {
      throw limited.exceeded ? tooLarge(source) : notWellFormed(source, e);
    } catch (SAXException e) {
      throw new CapFormatException(source, 0, 0, "not readable as XML: " + e.getMessage());
    } catch (IOException e) {
      throw limited.exceeded
          ? tooLarge(source)
          : new CapFormatException(source, 0, 0, "cannot be read: " + e.getMessage());
    }
    if (handler.root() == null) {
      throw new CapFormatException(source, 0, 0, "contains no element");
    }
    return result(handler);
  }

  private static CapParseResult result(CapDocumentHandler handler) {
    CapVersion version = handler.version();
    Problems problems = new Problems();
    problems.addSchemaProblems(handler.schemaProblems());
    CapAlert alert = new CapReader(version, problems).alert(handler.root());
    if (alert == null && problems.list().stream().noneMatch(CapProblem::isError)) {
      // Every way a required value can be missing is a schema error; this guards the contract.
      problems.error("alert", "could not be read as a CAP alert");
    }
    Map<String, Integer> lines = new HashMap<>();
    handler.root().collectLines(lines);
    List<CapProblem> placed = new ArrayList<>();
    for (CapProblem p : problems.list()) {
      placed.add(p.line() > 0 ? p : p.atLine(lines.getOrDefault(p.path(), 0)));
    }
    placed.sort(Comparator.comparingInt(CapProblem::line));
    return new CapParseResult(version, Optional.ofNullable(alert), placed);
  }

  private static XMLReader newReader() throws SAXException {
    XMLReader reader;
    try {
      synchronized (FACTORY) {
        reader = FACTORY.newSAXParser().getXMLReader();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK SAX parser lacks a required security feature", e);
    }
    reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    try {
      // Messages are matched below and shown to senders: keep them in one language.
      reader.setProperty(XERCES_LOCALE, Locale.ENGLISH);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      // Another parser implementation: its messages stay in the default locale.
    }
    return reader;
  }

  private static SAXParserFactory secureFactory() {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK SAX parser lacks a required security feature", e);
    }
    return f;
  }

  private CapFormatException tooLarge(String source) {
    return new CapFormatException(source, 0, 0, "is larger than the limit of " + maxBytes + " bytes");
  }

  private static CapFormatException notWellFormed(String source, SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    String problem = message.contains("DOCTYPE")
        ? "DOCTYPE declarations are refused: they are how external entities (XXE) and entity"
            + " expansion attacks get in, and a CAP message never needs one"
        : "not well-formed XML: " + message;
    return new CapFormatException(
        source, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), problem);
  }

  /** Stops reading one byte past the limit, so a huge document costs at most that much. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long count;
    boolean exceeded;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, (int) Math.min(len, limit + 1 - count));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new IOException("document larger than " + limit + " bytes");
      }
    }

    @Override
    public void close() {
      // The caller owns the stream.
    }
  }
}
