package io.citytwin.sim.epidemic;

import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.CitySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent-based SEIR epidemic with hospitalisation and death on a synthetic population placed in the
 * city's real buildings: households, school classes, workplace teams and district-weighted
 * community contacts, with interventions switched on by date or threshold, hospital load against
 * the city's beds and district risk zones. How people are placed: {@link
 * io.citytwin.sim.epidemic.population.PopulationBuilder}; how the disease spreads: {@link Engine}.
 * Steps are whole days; frames may span several. Deterministic from the scenario seed, whatever the
 * number of threads. Single caller; not thread-safe.
 *
 * <h2>Parameters ({@code parameters} of the scenario; every member optional)</h2>
 *
 * <table>
 * <caption>Parameters</caption>
 * <tr><th>name</th><th>unit</th><th>default</th><th>meaning</th></tr>
 * <tr><td>agents</td><td>persons</td><td>city population (39,050 for Monaco)</td><td>agents
 *     simulated, 1..5,000,000; more than the city scales the building stock up (synthetic)</td></tr>
 * <tr><td>initialInfected</td><td>persons</td><td>10</td><td>agents infected (exposed) on day 0</td></tr>
 * <tr><td>seedArea</td><td>-</td><td>site</td><td>{@code site}: first cases among residents of the
 *     district holding the scenario's location; {@code city}: anywhere</td></tr>
 * <tr><td>mixing</td><td>-</td><td>structured</td><td>{@code structured}, or {@code homogeneous}:
 *     every contact with a uniformly random agent (for validation)</td></tr>
 * <tr><td>transmission.perContact</td><td>probability</td><td>0.05</td><td>chance that one day's
 *     contact with a symptomatic infectious person infects</td></tr>
 * <tr><td>transmission.symptomaticShare</td><td>probability</td><td>0.67</td><td>infections with
 *     symptoms (two thirds as in Ferguson et al. 2020, Report 9)</td></tr>
 * <tr><td>transmission.asymptomaticInfectiousness</td><td>ratio</td><td>0.67</td><td>infectiousness
 *     without symptoms (Report 9: symptomatic cases 50 % more infectious)</td></tr>
 * <tr><td>contactsPerDay.household</td><td>contacts/day</td><td>10</td><td>with household members
 *     (at most the other members: 10 means everyone, every day)</td></tr>
 * <tr><td>contactsPerDay.school</td><td>contacts/day</td><td>10</td><td>pupils, within their class</td></tr>
 * <tr><td>contactsPerDay.work</td><td>contacts/day</td><td>6</td><td>workers, within their team</td></tr>
 * <tr><td>contactsPerDay.community</td><td>contacts/day</td><td>4</td><td>everybody, with random
 *     people</td></tr>
 * <tr><td>contactsPerDay.homogeneous</td><td>contacts/day</td><td>mean daily contacts of the
 *     structured population</td><td>homogeneous mode only</td></tr>
 * <tr><td>community.ownDistrictShare</td><td>ratio</td><td>0.5</td><td>community contacts within
 *     one's own district; the rest city-wide</td></tr>
 * <tr><td>durations.latent.mean / .shape</td><td>days / -</td><td>4.6 / 4</td><td>infection to
 *     infectiousness (Report 9: incubation 5.1 d, infectious 0.5 d before symptoms)</td></tr>
 * <tr><td>durations.infectious.mean / .shape</td><td>days / -</td><td>5.0 / 2</td><td>infectious
 *     period (assumption)</td></tr>
 * <tr><td>durations.hospitalStay.mean / .shape</td><td>days / -</td><td>10 / 2</td><td>admission
 *     to discharge or death (assumption between Report 9's 8 days general ward, 16 with ICU)</td></tr>
 * <tr><td>severity.hospitalisationIfSymptomatic</td><td>probability x 9 bands</td><td>Report 9
 *     Table 1: 0.001 ... 0.273</td><td>admission of a symptomatic case, bands 0-9 ... 80+</td></tr>
 * <tr><td>severity.deathIfHospitalised</td><td>probability x 9</td><td>0.030 ... 0.511</td><td>death
 *     in hospital; the default gives Report 9's infection fatality ratios</td></tr>
 * <tr><td>population.householdSizes</td><td>weights x 6</td><td>38.6, 31, 14, 11, 4, 1.4</td><td>
 *     households of 1..6 persons (see {@link io.citytwin.sim.epidemic.population.PopulationSpec})</td></tr>
 * <tr><td>population.ageStructure</td><td>weights x 9</td><td>Monaco, see PopulationSpec</td><td>
 *     age bands 0-9 ... 80+</td></tr>
 * <tr><td>population.schoolAgeFrom / schoolAgeTo</td><td>years</td><td>3 / 17</td><td>pupils</td></tr>
 * <tr><td>population.classSize</td><td>pupils</td><td>25</td><td>largest class</td></tr>
 * <tr><td>population.workAgeFrom / workAgeTo</td><td>years</td><td>18 / 64</td><td>working age</td></tr>
 * <tr><td>population.employmentRate</td><td>ratio</td><td>0.70</td><td>working-age people at work</td></tr>
 * <tr><td>population.workplaceSize</td><td>workers</td><td>20</td><td>largest work team</td></tr>
 * <tr><td>hospital.m2PerBed</td><td>m²</td><td>100</td><td>gross hospital floor area per bed</td></tr>
 * <tr><td>hospital.beds</td><td>beds</td><td>estimated</td><td>beds of the real city (replaces the
 *     estimate); scaled with the population</td></tr>
 * <tr><td>zoning.mediumFrom / highFrom</td><td>per 100,000 in 7 days</td><td>35 / 50</td><td>risk
 *     zone thresholds (see {@link RiskZoning})</td></tr>
 * </table>
 *
 * <h2>Interventions ({@code interventions[i]}: {@code action}, {@code at} or {@code whenMetric} +
 * {@code above} with any frame metric, {@code parameters})</h2>
 *
 * Every action takes an optional {@code duration} (ISO-8601, e.g. {@code P28D}) after which it is
 * lifted; without it, it lasts to the end.
 * <ul>
 *   <li>{@code close_schools}: no transmission in classes.
 *   <li>{@code lockdown_district}: {@code district} (code, id or name; required), {@code
 *       contactReduction} (0.8): share of its residents' non-household contacts removed.
 *   <li>{@code masks}: {@code transmissionFactor} (0.7, assumption) on every non-household contact.
 *   <li>{@code test_and_isolate}: daily detection probability {@code symptomaticDetection} (0.5) and
 *       {@code asymptomaticDetection} (0.05); detected people lose {@code isolation} (0.9) of their
 *       non-household and {@code householdIsolation} (0) of their household transmission.
 *   <li>{@code vaccinate}: {@code dailyRate} (0.005 of the agents per day), {@code coverage} (0.8),
 *       {@code efficacy} (0.9, all-or-nothing), {@code minAge} (12), {@code priority} ({@code
 *       oldest_first} or {@code random}).
 * </ul>
 *
 * <p>Frames carry {@link #metrics()} and the footprints {@code riskLow}, {@code riskMedium} and
 * {@code riskHigh} (district polygons per zone); notes say when interventions start or lift and
 * when hospitals go over capacity.
 */
public final class EpidemicModel implements SimulationModel {
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private final EpidemicSetup setup;
  private final Engine engine;
  private final Interventions interventions;
  private final Policy policy;
  private final RiskZoning zoning;
  private final double capacity;
  private final Peaks peaks = new Peaks();
  private boolean overCapacity;

  EpidemicModel(EpidemicSetup setup, Engine engine) {
    this.setup = setup;
    this.engine = engine;
    SyntheticPopulation pop = setup.population;
    this.interventions = new Interventions(setup.measures, pop, setup.scenario.seed());
    this.policy = new Policy(pop.districtCount());
    this.zoning = new RiskZoning(pop, setup.config.mediumRiskFrom(), setup.config.highRiskFrom());
    this.capacity = setup.capacity();
  }

  /**
   * The model for an epidemic scenario on {@code city}, using all available processors.
   *
   * @throws io.citytwin.sim.scenario.ScenarioInputException naming the field for bad parameters or
   *     interventions
   */
  public static EpidemicModel fromScenario(Scenario scenario, CitySnapshot city) {
    return EpidemicSetup.prepare(scenario, city).newModel(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public List<Metric> metrics() {
    return EpidemicMetrics.ALL;
  }

  /** Simulates every whole day that ends within {@code [start, time + dt]}. */
  @Override
  public Frame step(int step, Instant time, Duration dt) {
    Instant end = time.plus(dt);
    long target = Math.floorDiv(Duration.between(setup.scenario.start(), end).toMillis(), DAY_MS);
    List<String> notes = new ArrayList<>();
    long infections = 0;
    long admissions = 0;
    long detections = 0;
    while (engine.day() < target) {
      int day = engine.day();
      interventions.startDay(day, policy, notes);
      engine.advance(policy, interventions.campaigns(day));
      Tally today = engine.today();
      infections += today.infections();
      admissions += today.admissions();
      detections += today.detections();
      zoning.record(today);
      peaks.record(day, engine);
      capacityNotes(day, notes);
    }
    Map<String, Double> m = stocks();
    m.put("newInfections", (double) infections);
    m.put("newHospitalisations", (double) admissions);
    m.put("newDetected", (double) detections);
    m.put("hospitalCapacity", capacity);
    m.put("hospitalOccupancy", capacity > 0 ? engine.count(Tally.H) / capacity : 0);
    m.put("incidence7d", zoning.cityIncidence());
    int[] zones = zoning.zones();
    m.put("districtsLowRisk", (double) count(zones, RiskZoning.LOW));
    m.put("districtsMediumRisk", (double) count(zones, RiskZoning.MEDIUM));
    m.put("districtsHighRisk", (double) count(zones, RiskZoning.HIGH));
    m.put("residentsHighRisk", (double) zoning.residentsIn(zones, RiskZoning.HIGH));
    interventions.afterFrame(engine.day(), m);
    return new Frame(step, end, m, zoning.footprints(zones), notes);
  }

  private Map<String, Double> stocks() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("susceptible", (double) engine.count(Tally.S));
    m.put("exposed", (double) engine.count(Tally.E));
    m.put("infectious", (double) (engine.count(Tally.IA) + engine.count(Tally.IS)));
    m.put("hospitalised", (double) engine.count(Tally.H));
    m.put("recovered", (double) engine.count(Tally.R));
    m.put("dead", (double) engine.count(Tally.D));
    m.put("immunised", (double) engine.count(Tally.V));
    m.put("vaccinated", (double) engine.total().vaccinations());
    return m;
  }

  private void capacityNotes(int day, List<String> notes) {
    long patients = engine.count(Tally.H);
    boolean over = patients > capacity;
    if (over) {
      peaks.daysOverCapacity++;
    }
    if (over != overCapacity) {
      notes.add(over
          ? "day " + day + ": hospitals over capacity (" + patients + " patients, "
              + Math.round(capacity) + " beds)"
          : "day " + day + ": hospital load back within capacity (" + patients + " patients)");
      overCapacity = over;
    }
  }

  private static int count(int[] zones, int zone) {
    int n = 0;
    for (int z : zones) {
      n += z == zone ? 1 : 0;
    }
    return n;
  }

  /** The epidemic is over (nobody exposed, infectious or in hospital) and no campaign is running. */
  @Override
  public boolean finished() {
    return engine.quiet() && !interventions.vaccinating(engine.day());
  }

  @Override
  public Map<String, Object> summary() {
    return new EpidemicSummary(setup, engine, zoning, peaks, interventions).toMap();
  }

  /** Days simulated so far. */
  public int daysSimulated() {
    return engine.day();
  }

  /** Peaks over the days simulated so far. */
  static final class Peaks {
    long infectious;
    int infectiousDay = -1;
    long hospitalised;
    int hospitalisedDay = -1;
    int daysOverCapacity;

    void record(int day, Engine engine) {
      long inf = engine.count(Tally.IA) + engine.count(Tally.IS);
      if (inf > infectious) {
        infectious = inf;
        infectiousDay = day;
      }
      if (engine.count(Tally.H) > hospitalised) {
        hospitalised = engine.count(Tally.H);
        hospitalisedDay = day;
      }
    }
  }
}
