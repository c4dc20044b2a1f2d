package io.citytwin.sim.epidemic;

import io.citytwin.geo.layer.District;
import io.citytwin.sim.epidemic.population.AgeBands;
import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end-of-run summary of an epidemic: JSON-friendly maps and lists, in a stable order. */
final class EpidemicSummary {
  private final EpidemicSetup setup;
  private final Engine engine;
  private final RiskZoning zoning;
  private final EpidemicModel.Peaks peaks;
  private final Interventions interventions;

  EpidemicSummary(EpidemicSetup setup, Engine engine, RiskZoning zoning, EpidemicModel.Peaks peaks,
      Interventions interventions) {
    this.setup = setup;
    this.engine = engine;
    this.zoning = zoning;
    this.peaks = peaks;
    this.interventions = interventions;
  }

  Map<String, Object> toMap() {
    SyntheticPopulation pop = setup.population;
    Tally total = engine.total();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "agent-based SEIR with hospitalisation and death");
    m.put("mixing", setup.config.homogeneous() ? "homogeneous" : "structured");
    if (setup.config.homogeneous()) {
      m.put("contactsPerDay", setup.homogeneousContacts);
      m.put("r0", setup.config.r0Homogeneous(setup.homogeneousContacts));
    }
    m.put("daysSimulated", engine.day());
    m.put("population", population(pop));
    m.put("infected", total.infections());
    m.put("attackRate", (double) total.infections() / pop.agents());
    m.put("hospitalised", total.admissions());
    m.put("dead", total.state(Tally.D));
    m.put("detected", total.detections());
    m.put("vaccinated", total.vaccinations());
    m.put("immunised", total.state(Tally.V));
    m.put("peakInfectious", peaks.infectious);
    m.put("peakInfectiousDay", peaks.infectiousDay);
    m.put("peakHospitalised", peaks.hospitalised);
    m.put("peakHospitalisedDay", peaks.hospitalisedDay);
    m.put("daysOverCapacity", peaks.daysOverCapacity);
    Map<String, Object> settings = new LinkedHashMap<>();
    for (int s = 0; s < Tally.SETTINGS; s++) {
      settings.put(Tally.SETTING_NAMES[s], total.setting(s));
    }
    m.put("infectionsBySetting", settings);
    m.put("ageBands", ageBands(pop, total));
    m.put("districts", districts(pop, total));
    m.put("hospitals", hospitals());
    m.put("interventions", interventions.summary(engine.day()));
    return m;
  }

  private Map<String, Object> population(SyntheticPopulation pop) {
    SyntheticPopulation.Facts f = pop.facts();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agents", pop.agents());
    m.put("synthetic", true);
    m.put("source", f.source());
    m.put("cityResidents", f.baseResidents());
    m.put("buildingStockCopies", f.copies());
    m.put("scale", pop.scale());
    m.put("households", pop.households());
    m.put("pupils", f.pupils());
    m.put("classes", pop.classes());
    m.put("schools", f.schoolSites());
    m.put("workers", f.workers());
    m.put("workTeams", pop.places() - pop.classes());
    m.put("workplaceBuildings", f.workplaceBuildings());
    return m;
  }

  private static List<Object> ageBands(SyntheticPopulation pop, Tally total) {
    long[] agents = new long[AgeBands.COUNT];
    for (int i = 0; i < pop.agents(); i++) {
      agents[AgeBands.of(pop.age(i))]++;
    }
    List<Object> out = new ArrayList<>();
    for (int b = 0; b < AgeBands.COUNT; b++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("band", AgeBands.label(b));
      e.put("agents", agents[b]);
      e.put("infected", total.bandInfected(b));
      e.put("symptomatic", total.bandSymptomatic(b));
      e.put("hospitalised", total.bandHospitalised(b));
      e.put("died", total.bandDied(b));
      out.add(e);
    }
    return out;
  }

  private List<Object> districts(SyntheticPopulation pop, Tally total) {
    List<Object> out = new ArrayList<>();
    String[] zone = {"low", "medium", "high"};
    for (int d = 0; d < pop.districts().size(); d++) {
      District x = pop.districts().get(d);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", x.id());
      e.put("code", x.code());
      e.put("name", x.name());
      e.put("residents", pop.residents(d));
      e.put("infected", total.district(d));
      e.put("attackRate", pop.residents(d) == 0 ? 0.0 : (double) total.district(d) / pop.residents(d));
      e.put("peakIncidence7d", zoning.peakIncidence(d));
      e.put("zone", zone[zoning.zone(d)]);
      out.add(e);
    }
    return out;
  }

  private Map<String, Object> hospitals() {
    HospitalBeds beds = setup.beds;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cityBeds", beds.beds());
    m.put("capacity", setup.capacity());
    m.put("method", beds.method());
    List<Object> sites = new ArrayList<>();
    for (HospitalBeds.Site s : beds.sites()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("poi", s.poi());
      e.put("name", s.name());
      e.put("building", s.building());
      e.put("floorAreaM2", Math.round(s.floorAreaM2()));
      e.put("beds", s.beds());
      sites.add(e);
    }
    m.put("sites", sites);
    return m;
  }
}
