package io.citytwin.sim.epidemic;

import io.citytwin.sim.epidemic.population.SyntheticPopulation;

/** Daily contacts of the structured population, the default contact rate of homogeneous mode. */
final class StructuredContacts {
  private StructuredContacts() {}

  /**
   * Mean over agents of {@code min(c_household, n_household - 1) + min(c_place, n_place - 1) +
   * c_community}: the same contact volume as the structured mode, without its structure.
   */
  static double mean(SyntheticPopulation pop, EpidemicConfig cfg) {
    double sum = 0;
    for (int h = 0; h < pop.households(); h++) {
      int from = pop.householdStart(h);
      int to = pop.householdStart(h + 1);
      double home = Math.min(cfg.householdContacts(), to - from - 1);
      for (int i = from; i < to; i++) {
        int place = pop.dayPlace(i);
        double day = 0;
        if (place >= 0) {
          double c = place < pop.classes() ? cfg.schoolContacts() : cfg.workContacts();
          day = Math.min(c, pop.placeSize(place) - 1);
        }
        sum += home + day + cfg.communityContacts();
      }
    }
    return sum / pop.agents();
  }
}
