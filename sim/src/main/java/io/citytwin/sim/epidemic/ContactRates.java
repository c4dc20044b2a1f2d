package io.citytwin.sim.epidemic;

import io.citytwin.sim.epidemic.population.SyntheticPopulation;

/**
 * How much force of infection one unit of infectiousness in a place puts on each other member per
 * day. For a place of n members with c contacts a day and per-contact probability p it is {@code
 * p * min(c, n - 1) / (n - 1)}: c contacts spread evenly over the other members, capped at meeting
 * every one of them. Community contacts: {@code p * c_community} times the infectious share of the
 * population, {@code ownShare} of it in one's own district. In homogeneous mode households and
 * places carry no contacts and every contact is with a uniformly random agent. Immutable.
 */
final class ContactRates {
  /** By household size. */
  final double[] household;
  /** By place (school class or work team). */
  final double[] place;
  final double community;
  final double ownShare;

  ContactRates(SyntheticPopulation pop, EpidemicConfig cfg, double homogeneousContacts) {
    double p = cfg.perContact();
    boolean mixed = cfg.homogeneous();
    int largest = 1;
    for (int h = 0; h < pop.households(); h++) {
      largest = Math.max(largest, pop.householdStart(h + 1) - pop.householdStart(h));
    }
    household = new double[largest + 1];
    for (int n = 2; n <= largest; n++) {
      household[n] = mixed ? 0 : spread(p, cfg.householdContacts(), n);
    }
    place = new double[pop.places()];
    for (int k = 0; k < place.length; k++) {
      double c = k < pop.classes() ? cfg.schoolContacts() : cfg.workContacts();
      place[k] = mixed ? 0 : spread(p, c, pop.placeSize(k));
    }
    community = p * (mixed ? homogeneousContacts : cfg.communityContacts());
    ownShare = mixed ? 0 : cfg.ownDistrictShare();
  }

  private static double spread(double p, double contacts, int members) {
    return members < 2 ? 0 : p * Math.min(contacts, members - 1) / (members - 1);
  }
}
