package io.citytwin.sim.hazard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** The real city (imported once per test JVM) and scenarios built in code. */
public final class Fixtures {
  public static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
  public static final GeometryFactory GF = new GeometryFactory();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile CitySnapshot snapshot;

  private Fixtures() {}

  public static CitySnapshot monacoSnapshot() {
    if (snapshot == null) {
      synchronized (Fixtures.class) {
        if (snapshot == null) {
          snapshot = CitySnapshot.of(CityImporter.importBuiltIn("monaco"));
        }
      }
    }
    return snapshot;
  }

  public static CityModel monaco() {
    return monacoSnapshot().source();
  }

  public static Point point(double lon, double lat) {
    return GF.createPoint(new Coordinate(lon, lat));
  }

  public static Site at(double lon, double lat) {
    Point p = point(lon, lat);
    return new Site(p, p, null);
  }

  public static Site building(String buildingId) {
    Geometry f = monaco().buildings().stream().filter(b -> b.id().equals(buildingId)).findFirst().orElseThrow()
        .footprint();
    return new Site(f.getInteriorPoint(), f, EntityId.parse(buildingId));
  }

  /** A scenario of the type at the site whose {@code parameters} are the given JSON. */
  public static Scenario scenario(ScenarioType type, Site site, String parametersJson, long seed,
      Duration duration, Duration step) {
    try {
      Params p = new Params("test.json", "parameters", JSON.readTree(parametersJson));
      return new Scenario("test", "test", type, Scenario.Mode.FORECAST, site, START, duration, step, seed, p,
          List.of(), "test.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generous box around Monaco: footprints must lie inside it. */
  public static Envelope aroundMonaco() {
    Envelope e = new Envelope(monaco().boundary().getEnvelopeInternal());
    e.expandBy(0.05);
    return e;
  }
}
