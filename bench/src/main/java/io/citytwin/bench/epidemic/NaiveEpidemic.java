package io.citytwin.bench.epidemic;

import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's baseline: the structured SEIR-HD model written the straightforward way, with an
 * object per agent, household and place, lists of members, one {@link Random} and a draw of {@code
 * 1 - exp(-lambda)} for every susceptible every day. Same population, same contact rates and
 * default parameters as the real model; durations are geometric with the same means (so the
 * epidemic has about the same size and hence the same work), severity is one probability. Not
 * validated beyond that: it exists to be timed.
 */
final class NaiveEpidemic {
  private static final double P = 0.05;
  private static final double[] CONTACTS = {10, 10, 6, 4};
  private static final double OWN_DISTRICT = 0.5;

  enum State { S, E, I, H, R, D }

  static final class Household {
    final List<Agent> members = new ArrayList<>();
    final int district;
    double infectious;

    Household(int district) {
      this.district = district;
    }
  }

  static final class Place {
    final List<Agent> members = new ArrayList<>();
    final double contacts;
    double infectious;

    Place(double contacts) {
      this.contacts = contacts;
    }
  }

  static final class Agent {
    final int age;
    final Household home;
    final Place place;
    State state = State.S;
    boolean symptomatic;

    Agent(int age, Household home, Place place) {
      this.age = age;
      this.home = home;
      this.place = place;
    }
  }

  private final List<Agent> agents = new ArrayList<>();
  private final List<Household> households = new ArrayList<>();
  private final List<Place> places = new ArrayList<>();
  private final double[] districtInfectious;
  private final int[] districtResidents;
  private final Random random;
  private long infected;

  NaiveEpidemic(SyntheticPopulation pop, long seed, int firstCases) {
    random = new Random(seed);
    for (int k = 0; k < pop.places(); k++) {
      places.add(new Place(k < pop.classes() ? CONTACTS[1] : CONTACTS[2]));
    }
    districtInfectious = new double[pop.districtCount()];
    districtResidents = new int[pop.districtCount()];
    for (int h = 0; h < pop.households(); h++) {
      Household home = new Household(pop.householdDistrict(h));
      households.add(home);
      for (int i = pop.householdStart(h); i < pop.householdStart(h + 1); i++) {
        Place place = pop.dayPlace(i) < 0 ? null : places.get(pop.dayPlace(i));
        Agent a = new Agent(pop.age(i), home, place);
        home.members.add(a);
        if (place != null) {
          place.members.add(a);
        }
        agents.add(a);
        districtResidents[home.district]++;
      }
    }
    for (int k = 0; k < firstCases; k++) {
      infect(agents.get(random.nextInt(agents.size())));
    }
  }

  private void infect(Agent a) {
    if (a.state == State.S) {
      a.state = State.E;
      a.symptomatic = random.nextDouble() < 0.67;
      infected++;
    }
  }

  void day() {
    for (Agent a : agents) {
      switch (a.state) {
        case E -> a.state = random.nextDouble() < 1 / 4.6 ? State.I : State.E;
        case I -> {
          if (random.nextDouble() < 1 / 5.0) {
            a.state = a.symptomatic && random.nextDouble() < 0.05 ? State.H : State.R;
          }
        }
        case H -> {
          if (random.nextDouble() < 1 / 10.0) {
            a.state = random.nextDouble() < 0.2 ? State.D : State.R;
          }
        }
        default -> { }
      }
    }
    for (Household h : households) {
      h.infectious = 0;
    }
    for (Place p : places) {
      p.infectious = 0;
    }
    java.util.Arrays.fill(districtInfectious, 0);
    double city = 0;
    for (Agent a : agents) {
      if (a.state == State.I) {
        double w = a.symptomatic ? 1 : 0.67;
        a.home.infectious += w;
        if (a.place != null) {
          a.place.infectious += w;
        }
        districtInfectious[a.home.district] += w;
        city += w;
      }
    }
    double cityShare = (1 - OWN_DISTRICT) * city / agents.size();
    List<Agent> newlyInfected = new ArrayList<>();
    for (Agent a : agents) {
      if (a.state != State.S) {
        continue;
      }
      double lambda = rate(CONTACTS[0], a.home.members.size()) * a.home.infectious;
      if (a.place != null) {
        lambda += rate(a.place.contacts, a.place.members.size()) * a.place.infectious;
      }
      int d = a.home.district;
      lambda += P * CONTACTS[3]
          * (OWN_DISTRICT * districtInfectious[d] / districtResidents[d] + cityShare);
      if (random.nextDouble() < 1 - Math.exp(-lambda)) {
        newlyInfected.add(a);
      }
    }
    newlyInfected.forEach(this::infect);
  }

  private static double rate(double contacts, int members) {
    return members < 2 ? 0 : P * Math.min(contacts, members - 1) / (members - 1);
  }

  long infected() {
    return infected;
  }
}
