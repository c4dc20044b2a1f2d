package io.citytwin.geo.city;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.citytwin.geo.GisInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Loads {@link CitySpec}s: built-in cities from the classpath ({@code cities/{name}/city.json})
 * or a spec file on disk. Thread-safe.
 */
public final class CitySpecs {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private CitySpecs() {}

  /**
   * A spec together with where its relative file names resolve.
   *
   * @param spec the parsed spec
   * @param origin label for messages, e.g. {@code classpath:cities/monaco/city.json}
   * @param files opens a file named in the spec
   */
  public record Located(CitySpec spec, String origin, FileOpener files) {}

  /** Opens a file named relative to a spec. */
  @FunctionalInterface
  public interface FileOpener {
    /**
     * @throws GisInputException when the file does not exist
     */
    InputStream open(String relativeName) throws IOException;
  }

  /** The built-in city {@code name} (e.g. {@code monaco}) from the classpath. */
  public static Located builtIn(String name) {
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new GisInputException(name, "not a built-in city name (lower-case letters, digits, - and _)");
    }
    String base = "cities/" + name + "/";
    ClassLoader cl = CitySpecs.class.getClassLoader();
    String origin = "classpath:" + base + "city.json";
    try (InputStream in = cl.getResourceAsStream(base + "city.json")) {
      if (in == null) {
        throw new GisInputException(name, "no built-in city of that name (" + origin + " missing)");
      }
      CitySpec spec = parse(in, origin);
      return new Located(spec, origin, rel -> {
        InputStream s = cl.getResourceAsStream(base + rel);
        if (s == null) {
          throw new GisInputException(rel, "named in " + origin + " but not on the classpath");
        }
        return s;
      });
    } catch (IOException e) {
      throw new GisInputException(origin, "cannot read: " + e.getMessage(), e);
    }
  }

  /** A spec file on disk; the files it names resolve against its directory. */
  public static Located fromFile(Path specFile) {
    String origin = specFile.getFileName().toString();
    Path dir = specFile.toAbsolutePath().getParent();
    try (InputStream in = Files.newInputStream(specFile)) {
      CitySpec spec = parse(in, origin);
      return new Located(spec, origin, rel -> {
        Path p = dir.resolve(rel);
        if (!Files.isRegularFile(p)) {
          throw new GisInputException(rel, "named in " + origin + " but not found at " + p);
        }
        return Files.newInputStream(p);
      });
    } catch (NoSuchFileException e) {
      throw new GisInputException(origin, "file not found (" + specFile + ")", e);
    } catch (IOException e) {
      throw new GisInputException(origin, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses and checks a spec; {@code origin} names it in messages. */
  public static CitySpec parse(InputStream in, String origin) throws IOException {
    CitySpec spec;
    try {
      spec = JSON.readValue(in, CitySpec.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
      String parent = e.getPath().stream().limit(Math.max(0, e.getPath().size() - 1))
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      throw new GisInputException(origin, "unknown key '" + e.getPropertyName() + "'"
          + (parent.isEmpty() ? "" : " in '" + parent + "'") + " (allowed: " + known + ")", e);
    } catch (MismatchedInputException e) {
      throw new GisInputException(origin, "bad value" + path(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new GisInputException(origin, "invalid JSON"
          + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
          + ": " + e.getOriginalMessage(), e);
    }
    if (spec == null) {
      throw new GisInputException(origin, "empty city spec");
    }
    require(origin, spec.name(), "name");
    require(origin, spec.osm(), "osm");
    require(origin, spec.attribution(), "attribution");
    if (spec.population() != null && spec.population().total() < 0) {
      throw new GisInputException(origin, "population.total must not be negative");
    }
    return spec;
  }

  private static void require(String origin, String value, String key) {
    if (value == null || value.isBlank()) {
      throw new GisInputException(origin, "key '" + key + "' is required and must not be blank");
    }
  }

  private static String path(MismatchedInputException e) {
    String p = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
    return p.isEmpty() ? "" : " at '" + p + "'";
  }
}
