package io.citytwin.sim.hazard.fire;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.sim.hazard.HazardState;
import io.citytwin.sim.hazard.SteppedHazard;
import io.citytwin.sim.hazard.grid.CellUnion;
import io.citytwin.sim.hazard.grid.MetricGrid;
import io.citytwin.sim.hazard.grid.Residents;
import io.citytwin.sim.hazard.plume.PlumeField;
import io.citytwin.sim.hazard.plume.PlumeSource;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Fire in one or more buildings, growing by the EN 1991-1-2 design fire ({@link DesignFire}) and
 * spreading to neighbours by radiation ({@link FireParams}), with a smoke plume downwind.
 *
 * <p><b>Spread.</b> Every {@code checkEvery} (on a fixed lattice from the scenario start) each
 * unburnt building j receives the radiant flux of every burning building i within reach, by the
 * point-source model (Modak 1977; SFPE Handbook): {@code q_ij = χ_r·Q_i(t) / (4π·R_ij²) ·
 * exp(β·u·cosθ_ij)}, with Q_i the design-fire heat release, χ_r the radiant fraction, R_ij the
 * radiation distance of {@link SpreadNetwork}, u the wind speed and θ_ij the angle between the
 * wind and the direction from i to j. The exponential wind factor stands in for flame tilt and
 * firebrands carrying fire downwind; it is our assumption (β = 0.1 s/m doubles the flux downwind
 * at 7 m/s), not a published coefficient. j ignites when the summed flux reaches its critical
 * flux, drawn once per building from a lognormal distribution whose median is 12.6 kW/m² — the
 * radiation BRE report BR 187 (External fire spread, 2nd ed. 2014) takes to ignite the
 * neighbouring building — and whose scatter stands for facades, openings and contents: a
 * lognormal fragility curve {@code P(ignite | q) = Φ(ln(q/12.6)/σ)}. All draws come from one
 * generator seeded by the scenario, in building order, before the run: the same seed gives the
 * same fire, another seed another one. Burning and burnt sets only grow.
 *
 * <p><b>Smoke.</b> Each burning building is a continuous source at its roof height in the Gaussian
 * plume of {@link PlumeField}, emitting {@code sootYield · Q / ΔH_c} g/s of particulate (Q its
 * heat release now, ΔH_c the effective heat of combustion; defaults for wood), quasi-steady from
 * its ignition. Hot smoke rises in reality; ignoring plume rise keeps it at roof height and makes
 * the ground-level footprint a conservative (large) screening estimate.
 *
 * <p><b>Hazard.</b> The area to keep out of is a cordon of {@code exclusionRadiusM} around the
 * burning buildings (and the smoke footprint when {@code smoke.avoid}); roads intersecting the
 * cordon are closed. People affected are the synthetic residents of ignited buildings.
 */
public final class BuildingFireModel extends SteppedHazard {
  private static final int NOTES_PER_STEP = 20;

  private final FireParams params;
  private final CityModel city;
  private final List<Building> buildings;
  private final SpreadNetwork network;
  private final DesignFire[] fires;
  private final double[] criticalFlux;
  private final double[] ignitedAt;
  private final int[] residents;
  private final List<Integer> order = new ArrayList<>();
  private final double downX;
  private final double downY;
  private final PlumeField smoke;
  private final MetricGrid smokeGrid;
  private final Residents smokeResidents;
  private final double checkS;
  private long nextCheck = 1;
  private double ignitionS;
  private boolean done;
  private double peakSmokeArea;
  private double peakHeatMW;
  private int peakBurning;
  private Instant lastTime;

  public BuildingFireModel(Scenario scenario, CityModel city) {
    super(scenario);
    this.params = FireParams.parse(scenario, city);
    this.city = city;
    this.buildings = city.buildings();
    this.network = new SpreadNetwork(city, params.maxSeparationM());
    int n = buildings.size();
    this.fires = new DesignFire[n];
    this.criticalFlux = new double[n];
    this.ignitedAt = new double[n];
    this.residents = new int[n];
    Arrays.fill(ignitedAt, Double.NaN);
    SplittableRandom random = new SplittableRandom(scenario.seed());
    for (int b = 0; b < n; b++) {
      Building bd = buildings.get(b);
      fires[b] = DesignFire.of(Occupancy.of(bd.use()), bd.footprintM2(), bd.levels());
      criticalFlux[b] = params.criticalFluxKWm2() * Math.exp(params.criticalFluxSpread() * gaussian(random));
      residents[b] = city.population().residentsByBuilding().getOrDefault(bd.id(), 0);
    }
    Point first = buildings.get(params.ignition().get(0)).footprint().getCentroid();
    double[] down = params.weather().downwind(city.projection(), first.getX(), first.getY());
    this.downX = down[0];
    this.downY = down[1];
    this.smoke = new PlumeField(params.smokeCurves(), params.weather().stability(), params.weather().windSpeedMps(),
        downX, downY, true, 0, 20);
    Point c = network.metric(params.ignition().get(0)).getCentroid();
    this.smokeGrid = MetricGrid.around(c.getX(), c.getY(), params.smokeRadiusM(), params.smokeCellM());
    this.smokeResidents = new Residents(city, smokeGrid);
    this.checkS = params.checkEvery().toMillis() / 1000.0;
    this.ignitionS = params.ignitionAt().toMillis() / 1000.0;
  }

  /** One standard normal deviate by Box–Muller, from exactly two uniforms. */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** The validated parameters. */
  public FireParams params() {
    return params;
  }

  /** Seconds after the scenario start at which the building ignited, or NaN if it has not. */
  public synchronized double ignitedAtS(int building) {
    return ignitedAt[building];
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        new Metric("buildingsBurning", "buildings", "buildings on fire"),
        new Metric("buildingsBurnt", "buildings", "buildings burnt out"),
        new Metric("floorAreaBurningM2", "m2", "floor area of the buildings on fire"),
        new Metric("floorAreaAffectedM2", "m2", "floor area of every building ignited so far"),
        new Metric("peopleAffected", "persons", "synthetic residents of every building ignited so far"),
        new Metric("heatReleaseMW", "MW", "heat release rate of all fires"),
        new Metric("smokeAreaM2", "m2", "ground area where smoke is at least " + params.smokeThresholdMgPerM3() + " mg/m3"),
        new Metric("peopleInSmoke", "persons", "synthetic residents inside the smoke footprint"),
        new Metric("roadsClosed", "edges", "road graph edges in the cordon"));
  }

  @Override
  protected HazardState advance(int k, Instant from, Instant to) {
    double t1 = Duration.between(start(), to).toMillis() / 1000.0;
    List<String> notes = new ArrayList<>();
    List<String> ignitions = new ArrayList<>();
    if (order.isEmpty() && ignitionS <= t1) {
      for (int b : params.ignition()) {
        ignite(b, ignitionS, ignitions);
      }
    }
    while (nextCheck * checkS <= t1) {
      double t = nextCheck * checkS;
      if (t > ignitionS) {
        spread(t, ignitions);
      }
      nextCheck++;
    }
    notes.addAll(ignitions.subList(0, Math.min(NOTES_PER_STEP, ignitions.size())));
    if (ignitions.size() > NOTES_PER_STEP) {
      notes.add("and " + (ignitions.size() - NOTES_PER_STEP) + " more buildings ignited");
    }
    return state(k, from, to, t1, notes);
  }

  private void ignite(int b, double t, List<String> notes) {
    ignitedAt[b] = t;
    order.add(b);
    Building bd = buildings.get(b);
    notes.add("building " + bd.id() + (bd.name().isEmpty() ? "" : " (" + bd.name() + ")") + " ignited");
  }

  /** One exposure check at {@code t}: sums the flux on every unburnt building, ignites. */
  private void spread(double t, List<String> notes) {
    double u = params.weather().windSpeedMps();
    Map<Integer, Double> flux = new java.util.TreeMap<>();
    for (int i : order) {
      double q = fires[i].heatReleaseKW(t - ignitedAt[i]);
      if (q <= 0) {
        continue;
      }
      double radiated = params.radiantFraction() * q / (4 * Math.PI);
      for (SpreadNetwork.Link l : network.from(i)) {
        if (Double.isNaN(ignitedAt[l.target()])) {
          double cos = l.dirX() * downX + l.dirY() * downY;
          double f = radiated / (l.distanceM() * l.distanceM()) * Math.exp(params.windFactorSPerM() * u * cos);
          flux.merge(l.target(), f, Double::sum);
        }
      }
    }
    for (Map.Entry<Integer, Double> e : flux.entrySet()) {
      if (e.getValue() >= criticalFlux[e.getKey()]) {
        ignite(e.getKey(), t, notes);
      }
    }
  }

  /** What the fires amount to at one instant. */
  private static final class Tally {
    int burning;
    int burnt;
    double floorBurning;
    double floorAffected;
    long people;
    double heatMW;
    final List<Geometry> burningShapes = new ArrayList<>();
    final List<Geometry> burntShapes = new ArrayList<>();
    final List<Geometry> cordon = new ArrayList<>();
    final List<PlumeSource> smokeSources = new ArrayList<>();
  }

  /** Tallies every ignited building at {@code t}; notes those that burnt out within the step. */
  private Tally tally(double t, double stepS, List<String> notes) {
    Tally y = new Tally();
    for (int b : order) {
      Building bd = buildings.get(b);
      double age = t - ignitedAt[b];
      y.floorAffected += bd.floorAreaM2();
      y.people += residents[b];
      if (age >= fires[b].burnoutS()) {
        y.burnt++;
        y.burntShapes.add(bd.footprint());
        if (age - fires[b].burnoutS() < stepS) {
          notes.add("building " + bd.id() + " burnt out");
        }
        continue;
      }
      y.burning++;
      y.floorBurning += bd.floorAreaM2();
      double q = fires[b].heatReleaseKW(age);
      y.heatMW += q / 1000;
      y.burningShapes.add(bd.footprint());
      Geometry m = network.metric(b);
      y.cordon.add(params.exclusionRadiusM() > 0 ? m.buffer(params.exclusionRadiusM(), 8) : m);
      double gramsPerS = params.sootYield() * q / params.heatOfCombustionKJPerG();
      if (gramsPerS > 0) {
        Point c = m.getCentroid();
        y.smokeSources.add(new PlumeSource(c.getX(), c.getY(), bd.heightM(), gramsPerS, ignitedAt[b],
            Double.POSITIVE_INFINITY));
      }
    }
    return y;
  }

  private HazardState state(int k, Instant from, Instant to, double t, List<String> notes) {
    Tally y = tally(t, Duration.between(from, to).toMillis() / 1000.0, notes);
    Smoke smokeNow = smoke(t, y.smokeSources);
    Geometry zone = y.cordon.isEmpty() ? GF.createPolygon() : city.projection().toWgs84(UnaryUnionOp.union(y.cordon));
    Set<Integer> closed = new TreeSet<>();
    if (!zone.isEmpty()) {
      RoadClosures.intersecting(city.roads(), zone).edges().forEach(closed::add);
    }
    Geometry avoid = params.smokeAvoid() && !smokeNow.area().isEmpty() ? zone.union(smokeNow.area()) : zone;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("buildingsBurning", (double) y.burning);
    m.put("buildingsBurnt", (double) y.burnt);
    m.put("floorAreaBurningM2", y.floorBurning);
    m.put("floorAreaAffectedM2", y.floorAffected);
    m.put("peopleAffected", (double) y.people);
    m.put("heatReleaseMW", y.heatMW);
    m.put("smokeAreaM2", smokeNow.areaM2());
    m.put("peopleInSmoke", (double) smokeNow.people());
    m.put("roadsClosed", (double) closed.size());
    Map<String, Geometry> footprints = new LinkedHashMap<>();
    footprints.put("burning", union(y.burningShapes));
    footprints.put("burnt", union(y.burntShapes));
    footprints.put("exclusionZone", zone);
    footprints.put("smoke", smokeNow.area());
    done = !order.isEmpty() && y.burning == 0;
    peakBurning = Math.max(peakBurning, y.burning);
    peakHeatMW = Math.max(peakHeatMW, y.heatMW);
    peakSmokeArea = Math.max(peakSmokeArea, smokeNow.areaM2());
    lastTime = to;
    return new HazardState(new Frame(k, to, m, footprints, notes), avoid, closed);
  }

  /** The ground-level smoke footprint, its area and the residents inside it. */
  private record Smoke(Geometry area, double areaM2, long people) {}

  private Smoke smoke(double t, List<PlumeSource> sources) {
    double[] conc = smoke.onGrid(smokeGrid, t, sources);
    boolean[] mask = new boolean[conc.length];
    int cells = 0;
    for (int i = 0; i < conc.length; i++) {
      if (conc[i] * 1000 >= params.smokeThresholdMgPerM3()) {
        mask[i] = true;
        cells++;
      }
    }
    Geometry area = cells == 0 ? GF.createPolygon() : city.projection().toWgs84(CellUnion.of(smokeGrid, mask, GF));
    return new Smoke(area, cells * smokeGrid.cellArea(), smokeResidents.peopleIn(mask));
  }

  private static Geometry union(List<Geometry> shapes) {
    return shapes.isEmpty() ? GF.createPolygon() : UnaryUnionOp.union(shapes);
  }

  /** True once every ignited building has burnt out. */
  @Override
  public synchronized boolean finished() {
    return done;
  }

  @Override
  public synchronized Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    List<Map<String, Object>> ignited = new ArrayList<>();
    double floor = 0;
    long people = 0;
    for (int b : order) {
      Building bd = buildings.get(b);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("building", bd.id());
      e.put("name", bd.name());
      e.put("ignitedAt", start().plusMillis(Math.round(ignitedAt[b] * 1000)).toString());
      e.put("occupancy", Occupancy.of(bd.use()).name());
      e.put("floorAreaM2", bd.floorAreaM2());
      e.put("peakHeatReleaseMW", fires[b].peakKW() / 1000);
      e.put("burnoutAfterS", fires[b].burnoutS());
      ignited.add(e);
      floor += bd.floorAreaM2();
      people += residents[b];
    }
    s.put("buildingsIgnited", order.size());
    s.put("floorAreaAffectedM2", floor);
    s.put("peopleAffected", people);
    s.put("peakBuildingsBurning", peakBurning);
    s.put("peakHeatReleaseMW", peakHeatMW);
    s.put("peakSmokeAreaM2", peakSmokeArea);
    s.put("stability", params.weather().stability().label());
    s.put("designFire", "EN 1991-1-2:2002 Annex E (t-squared growth, RHR_f, fire load densities)");
    s.put("spread", "radiant point source vs lognormal critical flux (median " + params.criticalFluxKWm2()
        + " kW/m2, BRE BR 187), wind factor exp(" + params.windFactorSPerM() + " s/m * u * cos)");
    s.put("ignitions", ignited);
    s.put("simulatedUntil", lastTime == null ? null : lastTime.toString());
    s.put("population", "synthetic residents per building (" + city.population().source() + ")");
    return s;
  }
}
