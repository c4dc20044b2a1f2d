package io.citytwin.twin.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.SAXException;

/**
 * The OASIS CAP schemas, compiled once from the jar ({@code cap11.xsd}, {@code cap12.xsd}; see
 * SOURCES.md beside them). A compiled {@link Schema} is immutable and thread-safe; each validation
 * gets its own {@link ValidatorHandler}, which is not.
 */
final class CapSchemas {
  private static final Map<CapVersion, Schema> SCHEMAS = load();

  private CapSchemas() {}

  /**
   * A fresh validator for one document. It never fetches anything: the grammar is the compiled
   * schema only ({@code xsi:schemaLocation} hints are ignored) and external access is off.
   */
  static ValidatorHandler newValidatorHandler(CapVersion version) {
    ValidatorHandler v = SCHEMAS.get(version).newValidatorHandler();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("the JDK validator does not support JAXP 1.5 access limits", e);
    }
    return v;
  }

  private static Map<CapVersion, Schema> load() {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Map<CapVersion, Schema> schemas = new EnumMap<>(CapVersion.class);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      for (CapVersion version : CapVersion.values()) {
        try (InputStream in = CapSchemas.class.getResourceAsStream(version.schemaResource())) {
          if (in == null) {
            throw new IllegalStateException("schema resource missing: " + version.schemaResource());
          }
          schemas.put(version, factory.newSchema(new StreamSource(in, version.schemaResource())));
        }
      }
    } catch (SAXException e) {
      throw new IllegalStateException("the bundled CAP schema does not compile", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return schemas;
  }
}
