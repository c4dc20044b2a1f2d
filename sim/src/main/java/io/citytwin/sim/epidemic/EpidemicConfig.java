package io.citytwin.sim.epidemic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citytwin.sim.epidemic.population.AgeBands;
import io.citytwin.sim.epidemic.population.PopulationSpec;
import io.citytwin.sim.scenario.Params;
import java.util.List;
import java.util.Set;

/**
 * The epidemic model's validated parameters (the {@code parameters} object of a scenario). Names,
 * units, defaults and meaning are documented on {@link EpidemicModel}; sources of the defaults are
 * here. Arrays are never modified after parsing.
 *
 * @param homogeneousContacts contacts per day in homogeneous mode; NaN for "the mean number of
 *     daily contacts of the structured population"
 * @param bedsOverride beds of the real city when given, else -1 (estimated from floor area)
 */
record EpidemicConfig(
    int agents,
    int initialInfected,
    boolean seedAtSite,
    boolean homogeneous,
    double perContact,
    double symptomaticShare,
    double asymptomaticInfectiousness,
    double householdContacts,
    double schoolContacts,
    double workContacts,
    double communityContacts,
    double homogeneousContacts,
    double ownDistrictShare,
    DayDistribution latent,
    DayDistribution infectious,
    DayDistribution hospitalStay,
    double[] hospitalisationIfSymptomatic,
    double[] deathIfHospitalised,
    PopulationSpec population,
    double m2PerBed,
    int bedsOverride,
    double mediumRiskFrom,
    double highRiskFrom) {

  static final int MAX_AGENTS = 5_000_000;

  /**
   * Ferguson et al. (2020), Imperial College COVID-19 Response Team Report 9, Table 1: share of
   * symptomatic cases that need hospital care, by ten-year band.
   */
  static final double[] HOSPITALISATION_IF_SYMPTOMATIC =
      {0.001, 0.003, 0.012, 0.032, 0.049, 0.102, 0.166, 0.243, 0.273};

  /**
   * Death among hospitalised cases, derived from Report 9 Table 1 so that the infection fatality
   * ratio comes out as published there (0.002 % ... 9.3 %) with two thirds of infections
   * symptomatic: {@code IFR / (2/3 * hospitalisationIfSymptomatic)}. Every death passes through
   * hospital in this model.
   */
  static final double[] DEATH_IF_HOSPITALISED =
      {0.030, 0.030, 0.038, 0.038, 0.046, 0.088, 0.199, 0.315, 0.511};

  private static final List<String> MIXING = List.of("structured", "homogeneous");
  private static final List<String> SEED_AREA = List.of("site", "city");

  /** Reads and validates {@code parameters}; {@code cityResidents} is the default agent count. */
  static EpidemicConfig parse(Params p, int cityResidents) {
    p.onlyKnown(Set.of("agents", "initialInfected", "seedArea", "mixing", "transmission",
        "contactsPerDay", "community", "durations", "severity", "population", "hospital", "zoning"));
    int agents = p.integer("agents", 1, MAX_AGENTS, Math.min(MAX_AGENTS, Math.max(1, cityResidents)));
    int seeds = p.integer("initialInfected", 1, agents, Math.min(10, agents));
    boolean atSite = choice(p, "seedArea", SEED_AREA, "site").equals("site");
    boolean homogeneous = choice(p, "mixing", MIXING, "structured").equals("homogeneous");

    Params t = optional(p, "transmission");
    t.onlyKnown(Set.of("perContact", "symptomaticShare", "asymptomaticInfectiousness"));
    Params c = optional(p, "contactsPerDay");
    c.onlyKnown(Set.of("household", "school", "work", "community", "homogeneous"));
    Params m = optional(p, "community");
    m.onlyKnown(Set.of("ownDistrictShare"));
    Params d = optional(p, "durations");
    d.onlyKnown(Set.of("latent", "infectious", "hospitalStay"));
    Params s = optional(p, "severity");
    s.onlyKnown(Set.of("hospitalisationIfSymptomatic", "deathIfHospitalised"));
    Params h = optional(p, "hospital");
    h.onlyKnown(Set.of("m2PerBed", "beds"));
    Params z = optional(p, "zoning");
    z.onlyKnown(Set.of("mediumFrom", "highFrom"));
    double medium = z.number("mediumFrom", 0, 1e5, 35);
    double high = z.number("highFrom", 0, 1e5, 50);
    if (high < medium) {
      throw z.fail("highFrom", high + " is below mediumFrom " + medium);
    }
    return new EpidemicConfig(agents, seeds, atSite, homogeneous,
        t.number("perContact", 0, 1, 0.05),
        t.number("symptomaticShare", 0, 1, 0.67),
        t.number("asymptomaticInfectiousness", 0, 1, 0.67),
        c.number("household", 0, 1000, 10),
        c.number("school", 0, 1000, 10),
        c.number("work", 0, 1000, 6),
        c.number("community", 0, 1000, 4),
        c.number("homogeneous", 0, 1000, Double.NaN),
        m.number("ownDistrictShare", 0, 1, 0.5),
        duration(d, "latent", 4.6, 4),
        duration(d, "infectious", 5.0, 2),
        duration(d, "hospitalStay", 10.0, 2),
        ParamArrays.numbers(s, "hospitalisationIfSymptomatic", AgeBands.COUNT, 0, 1,
            HOSPITALISATION_IF_SYMPTOMATIC),
        ParamArrays.numbers(s, "deathIfHospitalised", AgeBands.COUNT, 0, 1, DEATH_IF_HOSPITALISED),
        population(optional(p, "population")),
        h.number("m2PerBed", 1, 100_000, 100),
        h.integer("beds", 0, 10_000_000, -1),
        medium, high);
  }

  private static DayDistribution duration(Params d, String key, double mean, int shape) {
    if (!d.has(key)) {
      return DayDistribution.erlang(mean, shape);
    }
    Params x = d.object(key);
    x.onlyKnown(Set.of("mean", "shape"));
    return DayDistribution.erlang(x.number("mean", 0.5, 365, mean), x.integer("shape", 1, 100, shape));
  }

  private static PopulationSpec population(Params p) {
    p.onlyKnown(Set.of("householdSizes", "ageStructure", "schoolAgeFrom", "schoolAgeTo", "classSize",
        "workAgeFrom", "workAgeTo", "employmentRate", "workplaceSize"));
    PopulationSpec def = PopulationSpec.DEFAULT;
    double[] sizes = ParamArrays.weights(p, "householdSizes", PopulationSpec.MAX_HOUSEHOLD,
        def.householdSizeWeights());
    double[] ages = ParamArrays.weights(p, "ageStructure", AgeBands.COUNT, def.ageBandWeights());
    int schoolFrom = p.integer("schoolAgeFrom", 0, AgeBands.MAX_AGE, def.schoolAgeFrom());
    int schoolTo = p.integer("schoolAgeTo", 0, AgeBands.MAX_AGE, def.schoolAgeTo());
    if (schoolTo < schoolFrom) {
      throw p.fail("schoolAgeTo", schoolTo + " is below schoolAgeFrom " + schoolFrom);
    }
    int workFrom = p.integer("workAgeFrom", 0, AgeBands.MAX_AGE, def.workAgeFrom());
    int workTo = p.integer("workAgeTo", 0, AgeBands.MAX_AGE, def.workAgeTo());
    if (workTo < workFrom) {
      throw p.fail("workAgeTo", workTo + " is below workAgeFrom " + workFrom);
    }
    return new PopulationSpec(sizes, ages, schoolFrom, schoolTo,
        p.integer("classSize", 1, 10_000, def.classSize()), workFrom, workTo,
        p.number("employmentRate", 0, 1, def.employmentRate()),
        p.integer("workplaceSize", 1, 100_000, def.workplaceSize()));
  }

  private static String choice(Params p, String key, List<String> choices, String fallback) {
    return p.has(key) ? p.choice(key, choices) : fallback;
  }

  /** A sub-object that may be absent (then every member takes its default). */
  private static Params optional(Params p, String key) {
    return p.has(key) ? p.object(key)
        : new Params("", p.path().isEmpty() ? key : p.path() + "." + key,
            JsonNodeFactory.instance.objectNode());
  }

  /** Mean infectiousness of an infected agent relative to one with symptoms. */
  double meanInfectiousness() {
    return symptomaticShare + (1 - symptomaticShare) * asymptomaticInfectiousness;
  }

  /**
   * R0 under homogeneous mixing with {@code contacts} per day: contacts x per-contact probability
   * x mean infectious days x mean infectiousness.
   */
  double r0Homogeneous(double contacts) {
    return contacts * perContact * infectious.meanDays() * meanInfectiousness();
  }

  @Override
  public double[] hospitalisationIfSymptomatic() {
    return hospitalisationIfSymptomatic.clone();
  }

  @Override
  public double[] deathIfHospitalised() {
    return deathIfHospitalised.clone();
  }
}
