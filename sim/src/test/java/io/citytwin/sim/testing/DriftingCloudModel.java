package io.citytwin.sim.testing;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.ModelFactory;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A test model, not physics: a cloud that starts at the scenario's site, drifts in a random
 * direction and grows by a random amount each step, all from the scenario's seed. It exercises
 * every part of the output contract: metrics in several units (one of them tiny, one NaN while
 * the core is gone), two named footprints (one of which becomes empty), notes, early finish, and a
 * summary built from unordered maps and sets.
 *
 * <p>Parameters: {@code growthM} (metres of radius per 5 minutes, mean), {@code driftMps} (drift
 * speed), {@code maxRadiusM} (finished when reached), {@code sourceMg} (mass spread over the core).
 */
public final class DriftingCloudModel implements SimulationModel {
  /** Builds the model; register it under any scenario type in tests. */
  public static final ModelFactory FACTORY = DriftingCloudModel::new;

  private static final GeometryFactory GF = new GeometryFactory();
  private static final List<Metric> METRICS = List.of(
      new Metric("cloudAreaM2", "m2", "area under the cloud"),
      new Metric("buildingsCovered", "buildings", "buildings touched by the cloud"),
      new Metric("peopleExposed", "persons", "residents of the buildings under the cloud"),
      new Metric("peopleWarned", "persons", "residents warned so far"),
      new Metric("coreConcentration", "mg/m3", "mean concentration in the core (none once it dissipated)"));

  private final CitySnapshot city;
  private final MetricProjection projection;
  private final SplittableRandom random;
  private final double growthM;
  private final double driftMps;
  private final double maxRadiusM;
  private final double sourceMg;
  private Coordinate centre;
  private double radiusM = 0;
  private double warned = 0;
  private double peakExposed = 0;
  private int lastDecade = 0;
  private boolean coreGone;
  private final Set<String> everCovered = new TreeSet<>();

  public DriftingCloudModel(Scenario scenario, CitySnapshot city) {
    Params p = scenario.parameters().onlyKnown(Set.of("growthM", "driftMps", "maxRadiusM", "sourceMg"));
    this.growthM = p.number("growthM", 0.1, 1000, 40);
    this.driftMps = p.number("driftMps", 0, 30, 1);
    this.maxRadiusM = p.number("maxRadiusM", 1, 1e6, 1e6);
    this.sourceMg = p.number("sourceMg", 0, 1e12, 5000);
    this.city = city;
    this.projection = city.source().projection();
    this.random = new SplittableRandom(scenario.seed());
    this.centre = projection.toMetric(scenario.site().point().getCoordinate());
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public Frame step(int step, Instant time, Duration dt) {
    double seconds = dt.toMillis() / 1000.0;
    radiusM += growthM * seconds / 300 * (0.5 + random.nextDouble());
    double heading = random.nextDouble() * 2 * Math.PI;
    centre = new Coordinate(centre.x + Math.cos(heading) * driftMps * seconds,
        centre.y + Math.sin(heading) * driftMps * seconds);
    Geometry cloud = projection.toWgs84(GF.createPoint(centre).buffer(radiusM, 8));
    List<String> notes = new ArrayList<>();
    boolean coreNow = radiusM < maxRadiusM / 2;
    Geometry core = coreNow ? projection.toWgs84(GF.createPoint(centre).buffer(radiusM * 0.4, 8))
        : GF.createPolygon();
    if (!coreNow && !coreGone) {
      coreGone = true;
      notes.add("the core dissipated\tat " + Math.round(radiusM) + " m");
    }
    List<CityEntity> covered = covered(cloud);
    double exposed = 0;
    for (CityEntity b : covered) {
      everCovered.add(b.id().toString());
      exposed += ((Number) b.attributes().getOrDefault("residents", 0)).doubleValue();
    }
    peakExposed = Math.max(peakExposed, exposed);
    warned = Math.max(warned, Math.floor(exposed * (0.6 + 0.3 * random.nextDouble())));
    if (covered.size() / 10 > lastDecade) {
      lastDecade = covered.size() / 10;
      notes.add("the cloud reached " + covered.size() + " buildings");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("cloudAreaM2", Math.PI * radiusM * radiusM);
    values.put("buildingsCovered", (double) covered.size());
    values.put("peopleExposed", exposed);
    values.put("peopleWarned", warned);
    values.put("coreConcentration", coreNow ? sourceMg / (Math.PI * Math.pow(radiusM * 0.4, 2) * 1e9) : Double.NaN);
    Map<String, Geometry> footprints = new LinkedHashMap<>();
    footprints.put("cloud", cloud);
    footprints.put("core", core);
    return new Frame(step, time.plus(dt), values, footprints, notes);
  }

  private List<CityEntity> covered(Geometry cloud) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(cloud);
    BoundingBox box = BoundingBox.of(cloud.getEnvelopeInternal()).orElseThrow();
    List<CityEntity> hits = new ArrayList<>();
    for (CityEntity b : city.intersecting(EntityType.BUILDING, box)) {
      if (prepared.intersects(b.geometry())) {
        hits.add(b);
      }
    }
    return hits;
  }

  @Override
  public boolean finished() {
    return radiusM >= maxRadiusM;
  }

  /** Deliberately from unordered collections: the outputs must still come out the same. */
  @Override
  public Map<String, Object> summary() {
    Map<String, Object> s = new HashMap<>();
    s.put("finalRadiusM", radiusM);
    s.put("peakExposed", peakExposed);
    s.put("buildingsEverCovered", everCovered.size());
    s.put("firstBuildings", Set.copyOf(everCovered.stream().limit(3).toList()));
    s.put("parameters", Map.of("growthM", growthM, "driftMps", driftMps, "maxRadiusM", maxRadiusM));
    return s;
  }
}
