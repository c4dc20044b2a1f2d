package io.citytwin.twin.sensor.codec;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registry files on disk and on the classpath: GeoJSON ({@code .geojson}, {@code .json}) or CSV
 * ({@code .csv}), chosen by extension. Loading is all or nothing: the first problem throws a
 * {@link SensorInputException} naming file, feature or line, field and problem. Blocking file
 * I/O: call it off the event loop. Stateless; thread-safe.
 */
public final class SensorFiles {
  private SensorFiles() {}

  /** A registry file format. */
  public enum Format {
    GEOJSON,
    CSV;

    /** The format a file name's extension stands for. */
    public static Optional<Format> of(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".geojson") || n.endsWith(".json")) {
        return Optional.of(GEOJSON);
      }
      return n.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
  }

  /** The sensors in a file, unplaced (for tools that need no city, such as the simulator). */
  public static List<Sensor> read(Path file) {
    return entries(file).stream().map(SensorEntry::sensor).toList();
  }

  /**
   * A registry of the sensors in a file, placed on the placer's city.
   *
   * @throws SensorInputException also when a sensor lies outside the city (naming its entry)
   */
  public static SensorRegistry load(Path file, SensorPlacer placer) {
    return registry(entries(file), placer);
  }

  /** Classpath resource of a built-in city's fleet, e.g. {@code cities/monaco/sensors.geojson}. */
  public static String builtInResource(String city) {
    if (!city.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException("not a built-in city name: '" + city + "'");
    }
    return "cities/" + city + "/sensors.geojson";
  }

  /** Whether a built-in city ships a sensor fleet. */
  public static boolean hasBuiltIn(String city) {
    return SensorFiles.class.getClassLoader().getResource(builtInResource(city)) != null;
  }

  /** The demo fleet shipped for a built-in city (e.g. {@code monaco}), unplaced. */
  public static List<Sensor> readBuiltIn(String city) {
    return builtInEntries(city).stream().map(SensorEntry::sensor).toList();
  }

  /** The demo fleet shipped for a built-in city, placed on it. */
  public static SensorRegistry loadBuiltIn(String city, SensorPlacer placer) {
    return registry(builtInEntries(city), placer);
  }

  /** Writes the sensors in the format the file name's extension names. */
  public static void write(Path file, Collection<Sensor> sensors, String attribution) {
    String name = file.getFileName().toString();
    Format format = Format.of(name).orElseThrow(() -> unknownFormat(name));
    String text = format == Format.CSV ? SensorCsv.write(sensors) : SensorGeoJson.write(sensors, attribution);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SensorInputException(name, null, null, "cannot write: " + e.getMessage(), e);
    }
  }

  private static List<SensorEntry> entries(Path file) {
    String name = file.getFileName().toString();
    Format format = Format.of(name).orElseThrow(() -> unknownFormat(name));
    try (InputStream in = Files.newInputStream(file)) {
      return format == Format.CSV ? SensorCsv.entries(in, name) : SensorGeoJson.entries(in, name);
    } catch (NoSuchFileException e) {
      throw new SensorInputException(name, null, null, "file not found (" + file.toAbsolutePath() + ")", e);
    } catch (IOException e) {
      throw new SensorInputException(name, null, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private static List<SensorEntry> builtInEntries(String city) {
    String resource = builtInResource(city);
    try (InputStream in = SensorFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new SensorInputException("classpath:" + resource, null, null,
            "no built-in sensor fleet for city '" + city + "'");
      }
      return SensorGeoJson.entries(in, "classpath:" + resource);
    } catch (IOException e) {
      throw new SensorInputException("classpath:" + resource, null, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private static SensorRegistry registry(List<SensorEntry> entries, SensorPlacer placer) {
    for (SensorEntry e : entries) {
      if (!placer.inCity(e.sensor().location())) {
        throw e.outside(placer.cityName());
      }
    }
    return SensorRegistry.of(entries.stream().map(SensorEntry::sensor).toList(), placer);
  }

  private static SensorInputException unknownFormat(String name) {
    return new SensorInputException(name, null, null,
        "unknown registry format: the name must end in .geojson, .json or .csv");
  }
}
