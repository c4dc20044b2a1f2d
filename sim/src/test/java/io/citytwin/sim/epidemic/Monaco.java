package io.citytwin.sim.epidemic;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.twin.cim.CitySnapshot;

/** The built-in Monaco, imported once per test JVM. */
final class Monaco {
  private static CitySnapshot snapshot;

  private Monaco() {}

  static synchronized CitySnapshot city() {
    if (snapshot == null) {
      snapshot = CitySnapshot.of(CityImporter.importBuiltIn("monaco"));
    }
    return snapshot;
  }
}
