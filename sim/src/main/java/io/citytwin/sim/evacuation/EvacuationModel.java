package io.citytwin.sim.evacuation;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.disposal.ResponsePlans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;

/**
 * Evacuation of the residents of affected buildings to shelters over the real road network: cars
 * in a queue-based link model ({@link LinkQueues}), pedestrians with density-dependent speeds
 * ({@link Walkers}), routes that avoid the danger area ({@link EscapeRoutes}), optional responder
 * dispatch ({@link ScenarioDispatch}). Deterministic from the scenario seed.
 *
 * <h2>Parameters ({@code parameters} of the scenario file; all optional)</h2>
 *
 * <table>
 *   <caption>Evacuation parameters</caption>
 *   <tr><th>name</th><th>unit</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code dangerZone.bufferM}</td><td>m</td><td>absent</td><td>when the object is given,
 *       the scenario site's area (building, district or point) grown by this many metres is
 *       dangerous for the whole run, in addition to the hazard's footprint</td></tr>
 *   <tr><td>{@code affected.area}</td><td>{@code danger} | {@code site}</td><td>{@code danger}</td>
 *       <td>residents of the residential buildings intersecting the danger area at the start, or
 *       the site area, evacuate</td></tr>
 *   <tr><td>{@code affected.bufferM}</td><td>m</td><td>0</td><td>grows that area first</td></tr>
 *   <tr><td>{@code affected.buildings}</td><td>ids</td><td>[]</td><td>explicit building ids
 *       ({@code building/w123} or {@code w123}); when given, they replace the area</td></tr>
 *   <tr><td>{@code compliance}</td><td>0..1</td><td>1</td><td>share of residents who leave; the
 *       others stay home (and stay in danger if home is in the danger area)</td></tr>
 *   <tr><td>{@code car.share}</td><td>0..1</td><td>0.5</td><td>share of evacuees who drive
 *       (assumption; Monaco households often walk)</td></tr>
 *   <tr><td>{@code car.occupancy}</td><td>persons/vehicle</td><td>1.5</td><td>drivers of a
 *       building share ceil(drivers / occupancy) cars</td></tr>
 *   <tr><td>{@code car.vehicleLengthM}</td><td>m</td><td>7.5</td><td>effective length of a car in a
 *       jam (storage = length × lanes / this)</td></tr>
 *   <tr><td>{@code car.abandonAfter}</td><td>ISO duration</td><td>never</td><td>a car blocked at the
 *       head of a queue this long is left; its occupants walk on</td></tr>
 *   <tr><td>{@code foot.speedMps}</td><td>m/s</td><td>1.34</td><td>free walking speed</td></tr>
 *   <tr><td>{@code foot.walkwayWidthM}</td><td>m</td><td>2</td><td>walkway width for densities</td></tr>
 *   <tr><td>{@code foot.densityDependent}</td><td>boolean</td><td>true</td><td>Weidmann speeds</td></tr>
 *   <tr><td>{@code mobilisation.curve}</td><td>{@code rayleigh} | {@code lognormal} |
 *       {@code immediate}</td><td>{@code rayleigh}</td><td>departure delays (see
 *       {@link Mobilisation})</td></tr>
 *   <tr><td>{@code mobilisation.delay}</td><td>ISO duration</td><td>none</td><td>from the start
 *       until people are warned</td></tr>
 *   <tr><td>{@code mobilisation.mean}</td><td>ISO duration</td><td>PT15M</td><td>Rayleigh mean</td></tr>
 *   <tr><td>{@code mobilisation.median}, {@code .sigma}</td><td>ISO duration, 1</td><td>PT15M,
 *       0.8</td><td>log-normal median and log standard deviation</td></tr>
 *   <tr><td>{@code shelters.kinds}</td><td>POI kinds</td><td>{@code assembly_point, school,
 *       university}</td><td>POIs that receive evacuees; OSM {@code amenity=shelter} is left out by
 *       default because in the demo city it tags bus and weather shelters</td></tr>
 *   <tr><td>{@code shelters.capacity}</td><td>persons</td><td>1000</td><td>places per POI</td></tr>
 *   <tr><td>{@code shelters.capacities}</td><td>{poiId: persons}</td><td>{}</td><td>per-POI
 *       places (0 leaves a POI out)</td></tr>
 *   <tr><td>{@code shelters.sites}</td><td>[{name, lat, lon, capacity}]</td><td>[]</td><td>extra
 *       assembly places (a stadium, a park)</td></tr>
 *   <tr><td>{@code tick}</td><td>ISO duration</td><td>PT1S</td><td>time step of the traffic
 *       models, at most the scenario step and PT1M</td></tr>
 *   <tr><td>{@code congestedLinks}</td><td>count</td><td>10</td><td>links listed as most
 *       congested</td></tr>
 *   <tr><td>{@code responders.incident}</td><td>incident type</td><td>(required in the object)</td>
 *       <td>dispatch the response plan's on-site units for this type (e.g. {@code fire},
 *       {@code chemical_release})</td></tr>
 *   <tr><td>{@code responders.severity}</td><td>severity</td><td>{@code severe}</td><td>plan tier</td></tr>
 *   <tr><td>{@code responders.delay}</td><td>ISO duration</td><td>none</td><td>from the start until
 *       units are called</td></tr>
 *   <tr><td>{@code responders.congestionDelay}</td><td>boolean</td><td>true</td><td>units wait for
 *       the queues on their way (see {@link ScenarioDispatch})</td></tr>
 * </table>
 *
 * <p>Interventions: see {@link Interventions} ({@code close_road}, {@code open_shelter}).
 *
 * <p>Frames carry the metrics of {@link #metrics()}, the footprints {@code dangerArea}, {@code
 * congestedLinks} (the worst links as lines) and {@code responderRoutes}, and notes. The people
 * metrics partition the affected residents at every step (see {@link Travel.Counts}). Single
 * threaded; not reusable after a run.
 */
public final class EvacuationModel implements SimulationModel {
  private final Scenario scenario;
  private final CityModel city;
  private final EvacuationParams params;
  private final HazardField hazard;
  private final Travel travel;
  private final Congestion congestion;
  private final ScenarioDispatch dispatch;
  private final List<Interventions.Planned> interventions;
  private final List<Metric> metrics;
  private final BitSet closedByInterventions = new BitSet();
  private final List<String> affectedBuildings;
  private DangerZone zone;
  private BitSet lastClosed;
  private int previousInDanger;
  private double clearanceS = Double.NaN;
  private int peakInDanger;
  private double peakInDangerS;
  private double lastArrivalS = Double.NaN;
  private Travel.Counts last;
  private boolean started;

  private EvacuationModel(Scenario s, Params p, CityIndex index, ResponsePlans plans, HazardField hazard) {
    this.scenario = s;
    this.city = index.model();
    this.params = EvacuationParams.parse(p, city);
    if (params.tick().compareTo(s.step()) > 0) {
      throw p.fail("tick", params.tick() + " is longer than the scenario step " + s.step());
    }
    Geometry danger = params.dangerBufferM() == null ? null
        : EvacuationSetup.buffer(s.site().area(), params.dangerBufferM(), city);
    this.hazard = danger == null ? hazard : hazard.and(HazardField.fixed(danger));
    List<Building> affected = EvacuationSetup.affected(s, city, params, this.hazard.footprintAt(s.start()));
    this.affectedBuildings = affected.stream().map(Building::id).toList();
    int[] residents = affected.stream()
        .mapToInt(b -> city.population().residentsByBuilding().getOrDefault(b.id(), 0)).toArray();
    SplittableRandom rng = new SplittableRandom(s.seed());
    List<Party> parties = Demand.of(residents, params, rng.split());
    CarLinks links = CarLinks.of(city.roads(), params.car().vehicleLengthM());
    this.dispatch = params.responders() == null ? null : dispatch(s, index, plans, links);
    this.metrics = declareMetrics();
    this.interventions = Interventions.parse(s, city, metrics.stream().map(Metric::name).collect(Collectors.toSet()));
    List<Shelter> shelters = EvacuationSetup.shelters(s, p, index, params, interventions);
    boolean[] available = new boolean[shelters.size()];
    shelters.forEach(x -> available[x.index] = !x.id.startsWith("intervention/"));
    this.travel = new Travel(index.router(), affected.stream().map(Building::footprint).toList(),
        EvacuationSetup.origins(affected, index.router()), parties, shelters, available, links, params,
        rng.nextLong(), 0);
    this.congestion = new Congestion(links, params.congestedLinks());
  }

  /**
   * The evacuation for a scenario on a city snapshot, with a hazard's danger area and closures
   * (use {@link HazardField#none()} when the scenario's {@code dangerZone} says it all). Builds a
   * {@link CityIndex} (routing) and, when responders are asked for, the city's built-in response
   * plans ({@code ResponsePlans.builtIn(city name in lower case)}).
   *
   * @throws io.citytwin.sim.scenario.ScenarioInputException naming the JSON path of a bad parameter
   */
  public static EvacuationModel fromScenario(Scenario scenario, CitySnapshot city, HazardField hazard) {
    CityIndex index = new CityIndex(city.source());
    ResponsePlans plans = scenario.parameters().has("responders")
        ? ResponsePlans.builtIn(city.cityName().toLowerCase(Locale.ROOT)) : null;
    return fromScenario(scenario, index, plans, hazard);
  }

  /**
   * As {@link #fromScenario(Scenario, CitySnapshot, HazardField)} with an index and response plans
   * the caller already has (the plans are used only when {@code responders} is set).
   */
  public static EvacuationModel fromScenario(Scenario scenario, CityIndex index, ResponsePlans plans,
      HazardField hazard) {
    return new EvacuationModel(scenario, scenario.parameters(), index, plans, hazard);
  }

  /**
   * An evacuation inside another scenario (a fire, a plume): its parameters are the given object,
   * e.g. {@code scenario.parameters().object("evacuation")}, and errors name paths below it
   * ({@code parameters.evacuation.car.share}). Interventions of the scenario are read as
   * evacuation interventions, so pass a scenario whose interventions are the evacuation's.
   */
  public static EvacuationModel withinScenario(Scenario scenario, Params evacuation, CityIndex index,
      ResponsePlans plans, HazardField hazard) {
    return new EvacuationModel(scenario, evacuation, index, plans, hazard);
  }

  private ScenarioDispatch dispatch(Scenario s, CityIndex index, ResponsePlans plans, CarLinks links) {
    if (plans == null) {
      throw new IllegalArgumentException("responders are configured but no response plans were given");
    }
    EvacuationParams.Responders r = params.responders();
    return new ScenarioDispatch(new RoadDispatcher(index, plans.fleet()), plans, r.incident(), r.severity(),
        r.delay().toMillis() / 1000.0, r.congestionDelay(), s.site().area(),
        s.site().entity() == null ? "" : s.site().entity().toString(), links, s.start());
  }

  private List<Metric> declareMetrics() {
    List<Metric> m = new ArrayList<>(List.of(
        new Metric("peopleAffected", "persons", "Residents of the affected buildings (constant)"),
        new Metric("peopleInDanger", "persons", "Not at a shelter, at home in or on a road touching the danger area"),
        new Metric("peopleOnTheWay", "persons", "Travelling outside the danger area"),
        new Metric("peopleEvacuated", "persons", "Arrived at a shelter"),
        new Metric("peopleNotDeparted", "persons", "At home outside the danger area (not left yet, staying, no route)"),
        new Metric("peopleDriving", "persons", "In cars on the road or waiting to enter it, anywhere"),
        new Metric("peopleWalking", "persons", "On foot on their way, anywhere"),
        new Metric("peopleWithoutRoute", "persons", "Could not be routed to an open shelter"),
        new Metric("vehiclesOnRoad", "vehicles", "Evacuating cars on road links"),
        new Metric("vehiclesWaitingToEnter", "vehicles", "Cars waiting for room on their first link"),
        new Metric("vehiclesQueued", "vehicles", "Cars on links past their free-flow exit time"),
        new Metric("maxLinkLoad", "ratio", "Highest vehicles / storage capacity over all links")));
    if (dispatch != null) {
      m.addAll(dispatch.metrics());
    }
    return List.copyOf(m);
  }

  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  @Override
  public Frame step(int step, Instant time, Duration dt) {
    double t0 = (time.toEpochMilli() - scenario.start().toEpochMilli()) / 1000.0;
    double t1 = t0 + dt.toMillis() / 1000.0;
    List<String> notes = new ArrayList<>();
    if (!started) {
      started = true;
      notes.add(affectedBuildings.size() + " buildings affected, " + travel.counts().total() + " residents, "
          + travel.parties().stream().filter(p -> p.mode == TravelMode.CAR).count() + " cars, "
          + travel.shelters().size() + " shelters");
    }
    boolean changed = applyInterventions(t0, notes);
    Geometry footprint = hazard.footprintAt(time);
    BitSet closed = new BitSet();
    hazard.closedEdgesAt(time).forEach(closed::set);
    closed.or(closedByInterventions);
    if (changed || zone == null || !zone.sameArea(footprint) || !closed.equals(lastClosed)) {
      zone = zone != null && zone.sameArea(footprint) ? zone : DangerZone.of(footprint, city.roads());
      lastClosed = closed;
      travel.situation(zone, closed);
    }
    travel.advance(t0, t1, params.tick().toMillis() / 1000.0);
    notes.addAll(travel.drainEvents());
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Geometry> footprints = new LinkedHashMap<>();
    record(t1, dt.toMillis() / 1000.0, values, footprints, notes);
    if (dispatch != null) {
      dispatch.step(t0, t1, footprint, closed, travel.cars(), values, footprints, notes);
    }
    for (Interventions.Planned p : interventions) {
      if (!p.applied && p.spec.whenMetric() != null && values.get(p.spec.whenMetric()) > p.spec.above()) {
        p.triggered = true;
      }
    }
    return new Frame(step, time.plus(dt), values, footprints, notes);
  }

  private boolean applyInterventions(double t0, List<String> notes) {
    boolean any = false;
    for (Interventions.Planned p : interventions) {
      if (p.dueAt(t0)) {
        p.applied = true;
        any = true;
        if (p.closes != null) {
          closedByInterventions.or(p.closes);
        } else {
          travel.shelters().stream().filter(s -> s.id.equals("intervention/" + p.index))
              .forEach(s -> travel.makeAvailable(s.index));
        }
        notes.add(p.describe() + " applied");
      }
    }
    return any;
  }

  private void record(double t1, double dtS, Map<String, Double> values, Map<String, Geometry> footprints,
      List<String> notes) {
    Travel.Counts c = travel.counts();
    last = c;
    Congestion.Snapshot net = congestion.observe(travel.cars(), t1, dtS);
    values.put("peopleAffected", (double) c.total());
    values.put("peopleInDanger", (double) c.inDanger());
    values.put("peopleOnTheWay", (double) c.onTheWay());
    values.put("peopleEvacuated", (double) c.evacuated());
    values.put("peopleNotDeparted", (double) c.notDeparted());
    values.put("peopleDriving", (double) c.driving());
    values.put("peopleWalking", (double) c.walking());
    values.put("peopleWithoutRoute", (double) c.withoutRoute());
    values.put("vehiclesOnRoad", (double) travel.cars().onLinks());
    values.put("vehiclesWaitingToEnter", (double) travel.cars().waiting());
    values.put("vehiclesQueued", (double) net.queued());
    values.put("maxLinkLoad", Math.round(net.maxLoad() * 1000) / 1000.0);
    footprints.put("dangerArea", zone.footprint);
    footprints.put("congestedLinks", Congestion.lines(net.top(), city.roads()));
    if (c.inDanger() > peakInDanger) {
      peakInDanger = c.inDanger();
      peakInDangerS = t1;
    }
    if (c.inDanger() == 0 && previousInDanger > 0) {
      clearanceS = t1;
      notes.add("nobody is left in the danger area");
    } else if (c.inDanger() > 0) {
      clearanceS = Double.NaN;
    }
    previousInDanger = c.inDanger();
    if (c.evacuated() == c.total() - c.staying() && Double.isNaN(lastArrivalS) && c.total() > 0) {
      lastArrivalS = t1;
      notes.add("every evacuee is at a shelter");
    }
  }

  @Override
  public boolean finished() {
    return started && travel.done() && (dispatch == null || dispatch.done());
  }

  @Override
  public Map<String, Object> summary() {
    Travel.Counts c = last != null ? last : travel.counts();
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> people = new LinkedHashMap<>();
    people.put("affected", c.total());
    people.put("evacuated", c.evacuated());
    people.put("inDanger", c.inDanger());
    people.put("onTheWay", c.onTheWay());
    people.put("notDeparted", c.notDeparted());
    people.put("staying", c.staying());
    people.put("withoutRoute", c.withoutRoute());
    out.put("people", people);
    out.put("affectedBuildings", affectedBuildings.size());
    out.put("cars", travel.cars().vehicles());
    out.put("walkers", travel.walkers().walkers());
    out.put("clearanceTime", Double.isNaN(clearanceS) ? null : time(clearanceS));
    out.put("clearanceS", Double.isNaN(clearanceS) ? null : clearanceS);
    out.put("peakInDanger", peakInDanger);
    out.put("peakInDangerAt", peakInDanger == 0 ? null : time(peakInDangerS));
    out.put("allEvacueesSafeAt", Double.isNaN(lastArrivalS) ? null : time(lastArrivalS));
    Map<String, Object> trips = new LinkedHashMap<>();
    trips.put("car", travel.tripTimes(TravelMode.CAR).summary());
    trips.put("foot", travel.tripTimes(TravelMode.FOOT).summary());
    out.put("tripTimes", trips);
    out.put("shelters", travel.shelters().stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id);
      m.put("name", s.name);
      m.put("capacity", s.capacity);
      m.put("arrived", s.arrived);
      return (Object) m;
    }).toList());
    out.put("congestedLinks", congestion.summary(city.roads(), this::time));
    if (dispatch != null) {
      out.put("responders", dispatch.summary());
    }
    out.put("vehicleLinkUpdates", travel.cars().vehicleLinkSteps());
    out.put("model", modelNotes());
    return out;
  }

  private Map<String, Object> modelNotes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cars", "queue-based link model (Gawron 1998; Cetin, Burri and Nagel 2003; MATSim QSim): flow capacity"
        + " lanes x per-lane capacity of the road class, storage length x lanes / " + params.car().vehicleLengthM()
        + " m, spill-back; tick " + params.tick());
    m.put("pedestrians", params.foot().densityDependent()
        ? "Weidmann (1993) speed-density relation, free speed " + params.foot().speedMps() + " m/s, walkway "
            + params.foot().walkwayWidthM() + " m"
        : "constant speed " + params.foot().speedMps() + " m/s");
    m.put("mobilisation", params.mobilisation().toString() + " after " + params.mobilisationDelay());
    m.put("population", "synthetic: residents per building from the city's population layer");
    m.put("clearance", "to the end of the step in which the last person left the danger area");
    return m;
  }

  private String time(double s) {
    return scenario.start().plusMillis(Math.round(s * 1000)).toString();
  }

  /** The traffic state, for invariant checks in tests. */
  LinkQueues cars() {
    return travel.cars();
  }

  Travel travel() {
    return travel;
  }

  /** Ids of the affected buildings; a party's {@code building} indexes this list. */
  List<String> affectedBuildings() {
    return affectedBuildings;
  }
}
