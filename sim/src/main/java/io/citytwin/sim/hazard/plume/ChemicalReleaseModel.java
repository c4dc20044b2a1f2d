package io.citytwin.sim.hazard.plume;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.sim.hazard.HazardState;
import io.citytwin.sim.hazard.SteppedHazard;
import io.citytwin.sim.hazard.grid.CellUnion;
import io.citytwin.sim.hazard.grid.MetricGrid;
import io.citytwin.sim.hazard.grid.Residents;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A chemical release as a Gaussian plume ({@link PlumeField}) from one continuous point source,
 * with Pasquill–Gifford dispersion ({@link SigmaCurves}). At every step the concentration is
 * evaluated at the centres of a square grid around the source (receptor height, default ground
 * level) and each threshold's footprint is the union of the cells at or above it ({@link
 * CellUnion}). The plume front travels downwind at the wind speed and its tail leaves the same way
 * once the release stops. The footprint of the {@code hazardFootprint} threshold (default the
 * lowest level) is the {@link io.citytwin.sim.hazard.Hazard} footprint; roads intersecting the
 * footprint of the {@code closeRoadsAt} threshold (default the highest, life-threatening level)
 * are closed, as {@link RoadClosures#intersecting} finds them (the rule twin-core's dispatch uses
 * for an area). A plume does not block a road, and evacuation treats closed roads as impassable
 * even to people leaving, so by default only the zone where staying is life-threatening closes.
 *
 * <p>No plume rise, no buildings or terrain effects, no deposition or decay, one wind for the
 * whole area: a screening estimate. People counted are the synthetic residents of buildings whose
 * interior point lies in a footprint. Parameters: {@link ChemicalRelease}.
 */
public final class ChemicalReleaseModel extends SteppedHazard {
  private final ChemicalRelease release;
  private final CityModel city;
  private final MetricProjection projection;
  private final PlumeField field;
  private final List<PlumeSource> sources;
  private final MetricGrid grid;
  private final Residents residents;
  private final List<Metric> metrics = new ArrayList<>();
  private final double[] peakArea;
  private final long[] peakPeople;
  private final double[] peakReach;
  private final Instant[] firstAbove;
  private double maxConcentration;
  private Instant maxConcentrationAt;
  private boolean clear;
  private Instant lastTime;

  public ChemicalReleaseModel(Scenario scenario, CityModel city) {
    super(scenario);
    this.release = ChemicalRelease.parse(scenario, city);
    this.city = city;
    this.projection = city.projection();
    Coordinate src = projection.toMetric(release.source().getCoordinate());
    Weather w = release.weather();
    double[] down = w.downwind(projection, release.source().getX(), release.source().getY());
    this.field = new PlumeField(release.curves(), w.stability(), w.windSpeedMps(), down[0], down[1],
        release.groundReflection(), release.receptorHeightM(), release.minDistanceM());
    this.sources = List.of(new PlumeSource(src.x, src.y, release.heightM(), release.gramsPerSecond(),
        release.startS(), release.endS()));
    this.grid = MetricGrid.around(src.x, src.y, release.radiusM(), release.cellM());
    this.residents = new Residents(city, grid);
    int n = release.thresholds().size();
    this.peakArea = new double[n];
    this.peakPeople = new long[n];
    this.peakReach = new double[n];
    this.firstAbove = new Instant[n];
    metrics.add(new Metric("maxConcentration", "mg/m3", "highest concentration on the grid"));
    for (ChemicalRelease.Threshold t : release.thresholds()) {
      metrics.add(new Metric("areaAbove" + t.key(), "m2", "area at or above " + t.name() + " (" + t.mgPerM3() + " mg/m3)"));
      metrics.add(new Metric("peopleAbove" + t.key(), "persons", "synthetic residents inside the " + t.name() + " footprint"));
      metrics.add(new Metric("reachAbove" + t.key(), "m", "furthest downwind distance at or above " + t.name()));
    }
    metrics.add(new Metric("roadsClosed", "edges", release.closeRoadsAt() == ChemicalRelease.NONE ? "none (closeRoadsAt none)"
        : "road graph edges in the " + release.thresholds().get(release.closeRoadsAt()).name() + " footprint"));
  }

  /** The validated parameters. */
  public ChemicalRelease release() {
    return release;
  }

  @Override
  public List<Metric> metrics() {
    return List.copyOf(metrics);
  }

  /**
   * Concentration in mg/m³ at a WGS84 position at {@code time}, at the receptor height of the
   * grid: the same evaluation the grid cells get.
   */
  public double concentrationAt(double lon, double lat, Instant time) {
    Coordinate m = projection.toMetric(new Coordinate(lon, lat));
    return 1000 * field.at(m.x, m.y, seconds(time), sources);
  }

  private double seconds(Instant time) {
    return Duration.between(start(), time).toMillis() / 1000.0;
  }

  @Override
  protected HazardState advance(int k, Instant from, Instant to) {
    double t = seconds(to);
    double[] c = field.onGrid(grid, t, sources);
    double max = 0;
    for (int i = 0; i < c.length; i++) {
      c[i] *= 1000; // g/m3 -> mg/m3
      max = Math.max(max, c[i]);
    }
    if (max > maxConcentration) {
      maxConcentration = max;
      maxConcentrationAt = to;
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Geometry> footprints = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    notes(k, from, to, notes);
    values.put("maxConcentration", max);
    Geometry closingFootprint = GF.createPolygon();
    Geometry hazardFootprint = GF.createPolygon();
    boolean anyAbove = false;
    for (int n = 0; n < release.thresholds().size(); n++) {
      ChemicalRelease.Threshold th = release.thresholds().get(n);
      Level level = level(c, th.mgPerM3());
      anyAbove |= level.cells() > 0;
      double area = level.cells() * grid.cellArea();
      long people = residents.peopleIn(level.mask());
      values.put("areaAbove" + th.key(), area);
      values.put("peopleAbove" + th.key(), (double) people);
      values.put("reachAbove" + th.key(), level.reach());
      Geometry footprint = level.cells() == 0 ? GF.createPolygon()
          : projection.toWgs84(CellUnion.of(grid, level.mask(), GF));
      footprints.put("above" + th.key(), footprint);
      if (n == release.closeRoadsAt()) {
        closingFootprint = footprint;
      }
      if (n == release.hazardFootprint()) {
        hazardFootprint = footprint;
      }
      if (level.cells() > 0 && firstAbove[n] == null) {
        firstAbove[n] = to;
        notes.add(th.name() + " (" + th.mgPerM3() + " mg/m3) first exceeded");
      }
      peakArea[n] = Math.max(peakArea[n], area);
      peakPeople[n] = Math.max(peakPeople[n], people);
      peakReach[n] = Math.max(peakReach[n], level.reach());
    }
    Set<Integer> closed = new TreeSet<>();
    if (!closingFootprint.isEmpty()) {
      RoadClosures.intersecting(city.roads(), closingFootprint).edges().forEach(closed::add);
    }
    values.put("roadsClosed", (double) closed.size());
    clear = !anyAbove && t > release.endS();
    lastTime = to;
    return new HazardState(new Frame(k, to, values, footprints, notes), hazardFootprint, closed);
  }

  /** The cells at or above a level, how many, and the furthest downwind distance among them. */
  private record Level(boolean[] mask, int cells, double reach) {}

  private Level level(double[] c, double mgPerM3) {
    boolean[] mask = new boolean[c.length];
    int cells = 0;
    double reach = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= mgPerM3) {
        mask[i] = true;
        cells++;
        reach = Math.max(reach, along(i));
      }
    }
    return new Level(mask, cells, reach);
  }

  /** Downwind distance of a cell centre from the source. */
  private double along(int cell) {
    PlumeSource s = sources.get(0);
    double dx = grid.centreX(cell % grid.nx()) - s.x();
    double dy = grid.centreY(cell / grid.nx()) - s.y();
    return Math.max(0, dx * field.downwindX() + dy * field.downwindY());
  }

  /** Release start and stop in {@code (from, to]}; a start at the scenario start goes with state 0. */
  private void notes(int k, Instant from, Instant to, List<String> notes) {
    Instant begin = start().plus(release.releaseStart());
    if (begin.isAfter(from) && !begin.isAfter(to) || k == 0 && begin.equals(from)) {
      notes.add("release of " + release.substance() + " started: " + release.gramsPerSecond() + " g/s at "
          + release.heightM() + " m");
    }
    if (release.releaseDuration() != null) {
      Instant stop = begin.plus(release.releaseDuration());
      if (stop.isAfter(from) && !stop.isAfter(to)) {
        notes.add("release of " + release.substance() + " stopped");
      }
    }
  }

  /** True once the release has stopped and no threshold is exceeded any more. */
  @Override
  public synchronized boolean finished() {
    return clear;
  }

  @Override
  public synchronized Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    Weather w = release.weather();
    s.put("substance", release.substance());
    s.put("source", Map.of("lon", release.source().getX(), "lat", release.source().getY()));
    s.put("sourceStrengthGPerS", release.gramsPerSecond());
    s.put("releaseHeightM", release.heightM());
    s.put("windSpeedMps", w.windSpeedMps());
    s.put("windFromDeg", w.windFromDeg());
    s.put("windAtReleaseHeightMps", field.windAt(release.heightM()));
    s.put("stability", w.stability().label());
    s.put("stabilityFrom", w.stabilityOrigin());
    s.put("dispersion", release.curves().code());
    s.put("groundReflection", release.groundReflection());
    s.put("receptorHeightM", release.receptorHeightM());
    s.put("gridCellM", release.cellM());
    s.put("maxConcentrationMgM3", maxConcentration);
    s.put("maxConcentrationAt", maxConcentrationAt == null ? null : maxConcentrationAt.toString());
    List<Map<String, Object>> levels = new ArrayList<>();
    for (int n = 0; n < release.thresholds().size(); n++) {
      ChemicalRelease.Threshold th = release.thresholds().get(n);
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("name", th.name());
      l.put("mgPerM3", th.mgPerM3());
      l.put("peakAreaM2", peakArea[n]);
      l.put("peakPeople", peakPeople[n]);
      l.put("peakReachM", peakReach[n]);
      l.put("firstExceeded", firstAbove[n] == null ? null : firstAbove[n].toString());
      l.put("closesRoads", n == release.closeRoadsAt());
      l.put("isHazardFootprint", n == release.hazardFootprint());
      levels.add(l);
    }
    s.put("thresholds", levels);
    s.put("simulatedUntil", lastTime == null ? null : lastTime.toString());
    s.put("population", "synthetic residents per building (" + city.population().source() + ")");
    return s;
  }
}
