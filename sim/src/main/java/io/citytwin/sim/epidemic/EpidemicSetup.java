package io.citytwin.sim.epidemic;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.sim.epidemic.population.PopulationBuilder;
import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityType;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything an epidemic run needs that does not change while it runs: validated parameters and
 * interventions, the synthetic population, hospital beds and the initially infected. Preparing
 * is the expensive part (about a second per million agents); {@link #newModel} then starts a
 * fresh, identical run from it as often as needed. Immutable and thread-safe.
 */
public final class EpidemicSetup {
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  final Scenario scenario;
  final EpidemicConfig config;
  final SyntheticPopulation population;
  final HospitalBeds beds;
  final List<Measure> measures;
  final double homogeneousContacts;
  final int seedDistrict;
  private final int[] seeds;

  private EpidemicSetup(Scenario scenario, EpidemicConfig config, SyntheticPopulation population,
      HospitalBeds beds, List<Measure> measures, int seedDistrict) {
    this.scenario = scenario;
    this.config = config;
    this.population = population;
    this.beds = beds;
    this.measures = measures;
    this.seedDistrict = seedDistrict;
    this.homogeneousContacts = Double.isNaN(config.homogeneousContacts())
        ? StructuredContacts.mean(population, config) : config.homogeneousContacts();
    this.seeds = chooseSeeds();
  }

  /**
   * Validates the scenario's parameters and interventions against the city and builds the
   * population.
   *
   * @throws ScenarioInputException naming the field (e.g. {@code parameters.transmission.perContact})
   *     for bad input
   */
  public static EpidemicSetup prepare(Scenario scenario, CitySnapshot city) {
    if (scenario.type() != ScenarioType.EPIDEMIC) {
      throw new ScenarioInputException(scenario.source(), "type",
          "the epidemic model runs '" + ScenarioType.EPIDEMIC.code() + "' scenarios, not '"
              + scenario.type().code() + "'");
    }
    if (scenario.step().toMillis() % DAY_MS != 0) {
      throw new ScenarioInputException(scenario.source(), "step", "must be whole days (the "
          + "epidemic advances one day at a time), was " + scenario.step());
    }
    CityModel model = city.source();
    EpidemicConfig config = EpidemicConfig.parse(scenario.parameters(), model.population().total());
    SyntheticPopulation population;
    try {
      population = PopulationBuilder.build(model, config.agents(), config.population(), scenario.seed());
    } catch (IllegalArgumentException e) {
      throw new ScenarioInputException(scenario.source(), "parameters", e.getMessage());
    }
    List<Measure> measures = Measures.parse(scenario, population.districts(), EpidemicMetrics.NAMES);
    HospitalBeds beds = config.bedsOverride() >= 0 ? HospitalBeds.given(config.bedsOverride())
        : HospitalBeds.estimate(model, config.m2PerBed());
    int district = config.seedAtSite() ? siteDistrict(scenario, model) : -1;
    return new EpidemicSetup(scenario, config, population, beds, measures, district);
  }

  /** A fresh run: same population, same seed, so the same trajectory every time. */
  public EpidemicModel newModel(int threads) {
    Engine engine = new Engine(population, config, homogeneousContacts, scenario.seed(), threads);
    engine.seed(seeds);
    return new EpidemicModel(this, engine);
  }

  public SyntheticPopulation population() {
    return population;
  }

  /** Hospital beds for the simulated population: the city's beds times the population scale. */
  double capacity() {
    return beds.beds() * population.scale();
  }

  /** The district holding the scenario's site, or -1 for the whole city. */
  private static int siteDistrict(Scenario scenario, CityModel model) {
    if (scenario.site() == null) {
      return -1;
    }
    List<District> districts = model.districts();
    String districtId = null;
    if (scenario.site().entity() != null && scenario.site().entity().type() == EntityType.DISTRICT) {
      districtId = scenario.site().entity().toString();
    } else if (scenario.site().entity() != null
        && scenario.site().entity().type() == EntityType.BUILDING) {
      String id = scenario.site().entity().toString();
      districtId = model.buildings().stream().filter(b -> b.id().equals(id))
          .map(Building::districtId).findFirst().orElse(null);
    }
    for (int d = 0; d < districts.size(); d++) {
      District x = districts.get(d);
      if (districtId != null ? x.id().equals(districtId)
          : scenario.site().point() != null && x.geometry().covers(scenario.site().point())) {
        return d;
      }
    }
    return -1;
  }

  /** {@code initialInfected} agents, uniformly among the residents of the seed district (or all). */
  private int[] chooseSeeds() {
    SyntheticPopulation pop = population;
    int candidates = seedDistrict < 0 ? pop.agents() : pop.residents(seedDistrict);
    int wanted = config.initialInfected();
    if (candidates < wanted) {
      throw new ScenarioInputException(scenario.source(), "parameters.initialInfected", wanted
          + " is more than the " + candidates + " agents living in "
          + pop.districts().get(seedDistrict).name() + ", where the scenario's location puts the first cases");
    }
    int[] agents = new int[candidates];
    int k = 0;
    for (int h = 0; h < pop.households(); h++) {
      if (seedDistrict < 0 || pop.householdDistrict(h) == seedDistrict) {
        for (int i = pop.householdStart(h); i < pop.householdStart(h + 1); i++) {
          agents[k++] = i;
        }
      }
    }
    SplittableRandom rng = new SplittableRandom(Draws.mix(scenario.seed() ^ 0x1D1D1D1DL));
    for (int j = 0; j < wanted; j++) {
      int r = j + rng.nextInt(candidates - j);
      int a = agents[j];
      agents[j] = agents[r];
      agents[r] = a;
    }
    return java.util.Arrays.copyOf(agents, wanted);
  }
}
