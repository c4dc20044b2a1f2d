package io.citytwin.sim.hazard.flood;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.sim.hazard.HazardState;
import io.citytwin.sim.hazard.SteppedHazard;
import io.citytwin.sim.hazard.grid.CellUnion;
import io.citytwin.sim.hazard.grid.MetricGrid;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A flood spreading over the city from the sea, point inflows or rain cells ({@link FloodParams}),
 * on the cells of a {@link FloodDomain}: ground heights approximated from the distance to the
 * shore ({@link Terrain}, there being no elevation data), buildings as partial or full obstacles,
 * water moved by {@link FloodSolver} with its volume conserved exactly. A road edge closes while
 * the water on any cell it runs over is at least {@code roadClosureDepthM} deep, and reopens when
 * it drops below; the {@link io.citytwin.sim.hazard.Hazard} footprint is the flooded area (cells
 * at least {@code floodedDepthM} deep). A building is affected while water at least that deep
 * stands on a cell it touches or next to it; its synthetic residents count as affected people.
 */
public final class FloodModel extends SteppedHazard {
  private static final int NOTES_PER_STEP = 12;

  private final FloodParams params;
  private final CityModel city;
  private final FloodDomain domain;
  private final FloodSolver solver;
  private final MetricGrid grid;
  private final int[] residents;
  private final Set<Long> closedWays = new TreeSet<>();
  private double peakArea;
  private Instant peakAreaAt;
  private double maxDepth;
  private int peakBuildings;
  private long peakPeople;
  private int peakRoads;
  private Instant lastTime;

  public FloodModel(Scenario scenario, CityModel city) {
    super(scenario);
    this.params = FloodParams.parse(scenario, city);
    this.city = city;
    Geometry sea = params.useSea() ? SeaMasks.of(city).orElse(GF.createPolygon()) : GF.createPolygon();
    this.domain = FloodDomain.build(city, sea, params.terrain(), params.cellM());
    this.grid = domain.grid().grid();
    this.solver = new FloodSolver(domain.grid(), params.manningN(), params.baseSeaLevelM());
    for (FloodParams.Source s : params.sources()) {
      attach(s);
    }
    this.residents = new int[city.buildings().size()];
    for (int b = 0; b < residents.length; b++) {
      residents[b] = city.population().residentsByBuilding().getOrDefault(city.buildings().get(b).id(), 0);
    }
  }

  private void attach(FloodParams.Source source) {
    if (source instanceof FloodParams.Sea s) {
      if (!domain.hasSea()) {
        throw s.params().fail("kind", params.useSea() ? "no sea is known around " + city.name()
            + " (the sea comes from the coastline in a built-in city's OSM data)" : "terrain.sea is none");
      }
      int[] cells = seaCells(s);
      if (cells.length == 0) {
        throw s.params().fail("near", "no sea next to the city lies within " + s.radiusM() + " m of this point");
      }
      solver.seaLevel(cells, s.levelM());
    } else if (source instanceof FloodParams.Inflow in) {
      solver.inflow(new int[] {openCellNear(in.at(), in.params(), "at")}, new double[] {1}, in.m3PerS());
    } else if (source instanceof FloodParams.Rain r) {
      Coordinate c = city.projection().toMetric(r.centre().getCoordinate());
      List<Integer> cells = new ArrayList<>();
      for (int cell = 0; cell < grid.size(); cell++) {
        if (domain.grid().kind()[cell] == FloodGrid.LAND
            && Math.hypot(grid.centreX(cell % grid.nx()) - c.x, grid.centreY(cell / grid.nx()) - c.y) <= r.radiusM()) {
          cells.add(cell);
        }
      }
      if (cells.isEmpty()) {
        throw r.params().fail("radiusM", "the rain cell covers no open ground");
      }
      double[] w = new double[cells.size()];
      // mm/h over the whole cell (roofs drain into the street) to m3/s.
      java.util.Arrays.fill(w, grid.cellArea() / 1000 / 3600);
      solver.inflow(cells.stream().mapToInt(Integer::intValue).toArray(), w, r.mmPerH());
    }
  }

  /** Sea cells next to land, within the source's radius of its point (all when it has none). */
  private int[] seaCells(FloodParams.Sea s) {
    Coordinate near = s.near() == null ? null : city.projection().toMetric(s.near().getCoordinate());
    FloodGrid g = domain.grid();
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < grid.size(); c++) {
      if (g.kind()[c] != FloodGrid.SEA || !nextToLand(c)) {
        continue;
      }
      if (near == null || Math.hypot(grid.centreX(c % grid.nx()) - near.x, grid.centreY(c / grid.nx()) - near.y) <= s.radiusM()) {
        out.add(c);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean nextToLand(int c) {
    int i = c % grid.nx();
    int j = c / grid.nx();
    byte[] k = domain.grid().kind();
    return (i > 0 && k[c - 1] == FloodGrid.LAND) || (i + 1 < grid.nx() && k[c + 1] == FloodGrid.LAND)
        || (j > 0 && k[c - grid.nx()] == FloodGrid.LAND) || (j + 1 < grid.ny() && k[c + grid.nx()] == FloodGrid.LAND);
  }

  /** The open land cell nearest the point, within 100 m. */
  private int openCellNear(Point at, io.citytwin.sim.scenario.Params p, String key) {
    Coordinate m = city.projection().toMetric(at.getCoordinate());
    int best = -1;
    double bestD = 100;
    int reach = (int) Math.ceil(100 / grid.cell()) + 1;
    int ci = (int) Math.floor((m.x - grid.x0()) / grid.cell());
    int cj = (int) Math.floor((m.y - grid.y0()) / grid.cell());
    for (int j = cj - reach; j <= cj + reach; j++) {
      for (int i = ci - reach; i <= ci + reach; i++) {
        if (i < 0 || j < 0 || i >= grid.nx() || j >= grid.ny() || domain.grid().kind()[grid.index(i, j)] != FloodGrid.LAND) {
          continue;
        }
        double d = Math.hypot(grid.centreX(i) - m.x, grid.centreY(j) - m.y);
        if (d < bestD) {
          bestD = d;
          best = grid.index(i, j);
        }
      }
    }
    if (best < 0) {
      throw p.fail(key, "no open ground within 100 m of this point");
    }
    return best;
  }

  /** The cells, terrain and lookups the model runs on. */
  public FloodDomain domain() {
    return domain;
  }

  /** The solver (read-only use: depths, volumes and the ledger). */
  public FloodSolver solver() {
    return solver;
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        new Metric("floodedAreaM2", "m2", "water surface of cells at least " + params.floodedDepthM() + " m deep"),
        new Metric("maxDepthM", "m", "deepest water on land"),
        new Metric("volumeM3", "m3", "water standing on land"),
        new Metric("inflowM3", "m3", "water that came in from the sea, inflows and rain so far"),
        new Metric("outflowM3", "m3", "water that drained back to the sea so far"),
        new Metric("buildingsAffected", "buildings", "buildings with water at their walls"),
        new Metric("peopleAffected", "persons", "synthetic residents of the affected buildings"),
        new Metric("roadsClosed", "edges", "road graph edges under at least " + params.roadClosureDepthM() + " m of water"));
  }

  @Override
  protected HazardState advance(int k, Instant from, Instant to) {
    solver.advanceTo(Duration.between(start(), to).toMillis() / 1000.0);
    FloodGrid g = domain.grid();
    boolean[] flooded = new boolean[grid.size()];
    boolean[] deep = new boolean[grid.size()];
    double area = 0;
    double depthMax = 0;
    for (int c = 0; c < grid.size(); c++) {
      if (g.kind()[c] != FloodGrid.LAND) {
        continue;
      }
      double h = solver.depth(c);
      depthMax = Math.max(depthMax, h);
      if (h >= params.floodedDepthM()) {
        flooded[c] = true;
        area += g.storageArea(c);
      }
      deep[c] = h >= params.roadClosureDepthM();
    }
    long[] affected = affected(flooded);
    int buildings = (int) affected[0];
    long people = affected[1];
    List<String> notes = new ArrayList<>();
    Set<Integer> closed = closedRoads(deep, notes);
    Geometry footprint = area == 0 ? GF.createPolygon() : city.projection().toWgs84(CellUnion.of(grid, flooded, GF));
    Geometry deepArea = !anySet(deep) ? GF.createPolygon() : city.projection().toWgs84(CellUnion.of(grid, deep, GF));
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("floodedAreaM2", area);
    m.put("maxDepthM", depthMax);
    m.put("volumeM3", solver.storedM3());
    m.put("inflowM3", solver.inflowM3());
    m.put("outflowM3", solver.outflowM3());
    m.put("buildingsAffected", (double) buildings);
    m.put("peopleAffected", (double) people);
    m.put("roadsClosed", (double) closed.size());
    Map<String, Geometry> footprints = new LinkedHashMap<>();
    footprints.put("flooded", footprint);
    footprints.put("deepWater", deepArea);
    if (area > peakArea) {
      peakArea = area;
      peakAreaAt = to;
    }
    maxDepth = Math.max(maxDepth, depthMax);
    peakBuildings = Math.max(peakBuildings, buildings);
    peakPeople = Math.max(peakPeople, people);
    peakRoads = Math.max(peakRoads, closed.size());
    lastTime = to;
    return new HazardState(new Frame(k, to, m, footprints, notes), footprint, closed);
  }

  /** Buildings with a flooded cell at their walls, and their residents. */
  private long[] affected(boolean[] flooded) {
    long buildings = 0;
    long people = 0;
    for (int b = 0; b < residents.length; b++) {
      for (int c : domain.buildingCells(b)) {
        if (flooded[c]) {
          buildings++;
          people += residents[b];
          break;
        }
      }
    }
    return new long[] {buildings, people};
  }

  private static boolean anySet(boolean[] a) {
    for (boolean b : a) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /** Edges with deep water on any of their cells; notes the ways that closed or reopened. */
  private Set<Integer> closedRoads(boolean[] deep, List<String> notes) {
    Set<Integer> closed = new TreeSet<>();
    Set<Long> ways = new LinkedHashSet<>();
    Map<Long, String> names = new LinkedHashMap<>();
    for (RoadGraph.Edge e : city.roads().edges()) {
      for (int c : domain.edgeCells(e.index())) {
        if (deep[c]) {
          closed.add(e.index());
          ways.add(e.wayId());
          names.putIfAbsent(e.wayId(), e.name().isEmpty() ? e.highway() : e.name());
          break;
        }
      }
    }
    List<String> changes = new ArrayList<>();
    for (long w : ways) {
      if (!closedWays.contains(w)) {
        changes.add("road " + names.get(w) + " (way " + w + ") closed by water");
      }
    }
    for (long w : closedWays) {
      if (!ways.contains(w)) {
        changes.add("road way " + w + " reopened");
      }
    }
    notes.addAll(changes.subList(0, Math.min(NOTES_PER_STEP, changes.size())));
    if (changes.size() > NOTES_PER_STEP) {
      notes.add("and " + (changes.size() - NOTES_PER_STEP) + " more road changes");
    }
    closedWays.clear();
    closedWays.addAll(ways);
    return closed;
  }

  @Override
  public synchronized Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("cellM", params.cellM());
    s.put("landCells", count(FloodGrid.LAND));
    s.put("seaCells", count(FloodGrid.SEA));
    Terrain t = params.terrain();
    s.put("terrain", domain.hasSea()
        ? Map.of("model", "ground height from distance to the shore (no elevation data)", "shoreHeightM", t.shoreHeightM(),
            "coastalSlope", t.coastalSlope(), "coastalStripM", t.coastalStripM(), "inlandSlope", t.inlandSlope(),
            "sea", "OSM natural=coastline of the built-in city")
        : Map.of("model", "flat ground at 0 m (no sea, no elevation data)"));
    s.put("manningN", params.manningN());
    s.put("inflowM3", solver.inflowM3());
    s.put("outflowM3", solver.outflowM3());
    s.put("storedM3", solver.storedM3());
    s.put("volumeBalanceErrorM3", solver.storedM3() - (solver.inflowM3() - solver.outflowM3()));
    s.put("peakFloodedAreaM2", peakArea);
    s.put("peakFloodedAt", peakAreaAt == null ? null : peakAreaAt.toString());
    s.put("maxDepthM", maxDepth);
    s.put("peakBuildingsAffected", peakBuildings);
    s.put("peakPeopleAffected", peakPeople);
    s.put("peakRoadsClosed", peakRoads);
    s.put("simulatedUntil", lastTime == null ? null : lastTime.toString());
    s.put("population", "synthetic residents per building (" + city.population().source() + ")");
    return s;
  }

  private int count(byte kind) {
    int n = 0;
    for (byte b : domain.grid().kind()) {
      n += b == kind ? 1 : 0;
    }
    return n;
  }
}
