package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.sensor.codec.SensorFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where the sensor registry comes from at start-up. */
final class Registries {
  private Registries() {}

  /** The file registrations are persisted to. */
  static Path persisted(CityTwinConfig config) {
    return config.dataDir().resolve("sensors.geojson");
  }

  /**
   * {@code sensors.file} when set; else what was persisted in the data directory; else the built-in
   * demo fleet of the city (empty for a city without one). Blocking; call on a worker.
   */
  static SensorRegistry load(CityTwinConfig config, CitySnapshot city) {
    SensorPlacer placer = SensorPlacer.of(city);
    if (config.optional("sensors.file").isPresent()) {
      return SensorFiles.load(Path.of(config.text("sensors.file")), placer);
    }
    Path persisted = persisted(config);
    if (Files.isRegularFile(persisted)) {
      return SensorFiles.load(persisted, placer);
    }
    String name = config.city().toLowerCase(Locale.ROOT);
    return SensorFiles.hasBuiltIn(name) ? SensorFiles.loadBuiltIn(name, placer) : SensorRegistry.empty(placer);
  }
}
