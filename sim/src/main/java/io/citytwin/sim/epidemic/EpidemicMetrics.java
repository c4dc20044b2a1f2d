package io.citytwin.sim.epidemic;

import io.citytwin.sim.run.Metric;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the epidemic model reports in every frame (stocks at the frame's end, flows over it). */
final class EpidemicMetrics {
  static final List<Metric> ALL = List.of(
      new Metric("susceptible", "persons", "agents who can still be infected"),
      new Metric("exposed", "persons", "infected, not yet infectious"),
      new Metric("infectious", "persons", "infectious, with or without symptoms"),
      new Metric("hospitalised", "persons", "in hospital"),
      new Metric("recovered", "persons", "recovered and immune"),
      new Metric("dead", "persons", "died of the infection"),
      new Metric("immunised", "persons", "protected by vaccination without having been infected"),
      new Metric("vaccinated", "persons", "people who received a vaccine dose, since the start"),
      new Metric("newInfections", "persons", "infections during the step (day-0 imports in the first)"),
      new Metric("newHospitalisations", "persons", "hospital admissions during the step"),
      new Metric("newDetected", "persons", "infectious people detected by testing during the step"),
      new Metric("hospitalCapacity", "beds", "hospital beds of the city, scaled with the population"),
      new Metric("hospitalOccupancy", "ratio", "people in hospital per bed (above 1: over capacity)"),
      new Metric("incidence7d", "per 100000", "infections over the last 7 days per 100,000 agents"),
      new Metric("districtsLowRisk", "districts", "districts with 7-day incidence below mediumFrom"),
      new Metric("districtsMediumRisk", "districts", "districts from mediumFrom to below highFrom"),
      new Metric("districtsHighRisk", "districts", "districts at or above highFrom"),
      new Metric("residentsHighRisk", "persons", "agents living in high-risk districts"));

  static final Set<String> NAMES =
      ALL.stream().map(Metric::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));

  private EpidemicMetrics() {}
}
