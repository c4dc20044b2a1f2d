package io.citytwin.geo.testing;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;

/** One Monaco import per test JVM, shared by the integration tests (it takes about a second). */
public final class MonacoCity {
  private static volatile CityModel model;
  private static volatile long importMillis;

  private MonacoCity() {}

  public static CityModel model() {
    if (model == null) {
      synchronized (MonacoCity.class) {
        if (model == null) {
          long t0 = System.nanoTime();
          model = CityImporter.importBuiltIn("monaco");
          importMillis = (System.nanoTime() - t0) / 1_000_000;
        }
      }
    }
    return model;
  }

  /** Wall time of the shared import, cold JVM included. */
  public static long importMillis() {
    model();
    return importMillis;
  }
}
