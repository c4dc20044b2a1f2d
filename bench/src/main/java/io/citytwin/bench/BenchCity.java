package io.citytwin.bench;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;

/** The demo city (Monaco, built-in OSM extract), imported once per benchmark JVM. */
public final class BenchCity {
  private static CityModel model;

  private BenchCity() {}

  public static synchronized CityModel model() {
    if (model == null) {
      model = CityImporter.importBuiltIn("monaco");
    }
    return model;
  }
}
