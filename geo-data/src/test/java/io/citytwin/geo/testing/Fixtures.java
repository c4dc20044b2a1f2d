package io.citytwin.geo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test inputs: small hand-written fixtures and the Monaco data shipped as a built-in city. */
public final class Fixtures {
  public static final String MONACO_PBF = "cities/monaco/monaco-2026-03-10.osm.pbf";
  public static final String MONACO_DISTRICTS = "cities/monaco/monaco-quartiers.geojson";

  private Fixtures() {}

  public static Path path(String resource) {
    try {
      var url = Fixtures.class.getClassLoader().getResource(resource);
      if (url == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String resource) {
    return new String(bytes(resource), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A one-feature GeoJSON FeatureCollection. */
  public static String collection(String props, String type, String coords) {
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" + props
        + ",\"geometry\":{\"type\":\"" + type + "\",\"coordinates\":" + coords + "}}]}";
  }
}
