package io.citytwin.sim.epidemic;

import static io.citytwin.sim.epidemic.Tally.D;
import static io.citytwin.sim.epidemic.Tally.E;
import static io.citytwin.sim.epidemic.Tally.H;
import static io.citytwin.sim.epidemic.Tally.IA;
import static io.citytwin.sim.epidemic.Tally.IS;
import static io.citytwin.sim.epidemic.Tally.R;
import static io.citytwin.sim.epidemic.Tally.S;
import static io.citytwin.sim.epidemic.Tally.V;

import io.citytwin.sim.epidemic.population.AgeBands;
import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.Arrays;
import java.util.List;

/**
 * The daily SEIR-HD step over a {@link SyntheticPopulation}, in struct-of-arrays form: per agent
 * one state byte, one flag byte, the day of its next transition and its remaining infection
 * threshold (10 bytes), plus lists of the agents that are exposed, infectious or in hospital, so
 * only they are visited for transitions. Nothing is allocated per agent or per day.
 *
 * <p><b>Transmission.</b> Each susceptible agent draws once, at the start, a threshold T ~ Exp(1)
 * and is infected on the day its cumulative force of infection reaches T. This is exactly the
 * chain-binomial model with daily infection probability {@code 1 - exp(-lambda)}, without a
 * random draw per susceptible per day. The day's force on an agent is {@code lambda = lambda_home
 * + keep_district * (lambda_place + lambda_community)}: every infectious member of the household,
 * class or team adds its infectiousness times the place's {@link ContactRates rate}, and the
 * community force of district d is {@code p * c_community * (s * I_d / N_d + (1 - s) * I / N)}
 * with s the own-district share and N counting every agent (also those in hospital or dead).
 * Infectiousness is 1 with symptoms and {@code asymptomaticInfectiousness} without, times the
 * factors of the day's {@link Policy}.
 *
 * <p><b>Course.</b> Infected on day t, an agent is exposed until day {@code t + latent}, then
 * infectious (with symptoms with probability {@code symptomaticShare}) for {@code infectious}
 * days. At the end a symptomatic agent is admitted to hospital with its age band's probability
 * (for {@code hospitalStay} days, at the end of which it dies with its band's probability) and
 * everybody else recovers. Durations come from {@link DayDistribution}s.
 *
 * <p><b>Order within a day.</b> Vaccination, then transitions due that day (and detection by
 * testing), then the force of infection from everybody infectious after the transitions, then
 * infections. Agents infected on day t cannot infect before day t + 1.
 *
 * <p><b>Determinism.</b> Agents are processed in chunks of whole households (about 16,000 agents).
 * Transitions and infections touch only their chunk's agents and households and draw their random numbers from
 * {@link Draws} by (agent, event); the force of infection is summed in one thread in chunk order.
 * Results are therefore identical for any number of threads. Not thread-safe itself: one caller.
 */
final class Engine {
  static final byte SYMPTOMATIC = 1;
  static final byte DETECTED = 2;
  static final byte VACCINATED = 4;
  private static final int CHUNK_AGENTS = 16_384;

  private final SyntheticPopulation pop;
  private final int agents;
  private final Draws draws;
  private final Parallel parallel;
  private final Transitions course;

  private final ContactRates rates;
  private final double asymptomaticInfectiousness;
  private final double symptomaticShare;
  private final double[] inverseResidents;

  private final byte[] state;
  private final byte[] flags;
  private final int[] next;
  private final float[] threshold;

  private final double[] householdPressure;
  private final double[] placePressure;
  private final double[] placeForce;
  private final double[] districtPressure;
  private final double[] communityForce;

  private final Chunk[] chunks;
  private final Tally today;
  private final Tally seeded;
  private final Tally scratch;
  private final Tally total;
  private int day;

  Engine(SyntheticPopulation pop, EpidemicConfig cfg, double homogeneousContacts, long seed,
      int threads) {
    this.pop = pop;
    this.agents = pop.agents();
    this.draws = new Draws(seed);
    this.parallel = Parallel.of(threads);
    this.course = new Transitions(cfg, draws);
    this.symptomaticShare = cfg.symptomaticShare();
    this.asymptomaticInfectiousness = cfg.asymptomaticInfectiousness();
    this.rates = new ContactRates(pop, cfg, homogeneousContacts);
    this.inverseResidents = new double[pop.districtCount()];
    for (int d = 0; d < inverseResidents.length; d++) {
      inverseResidents[d] = pop.residents(d) == 0 ? 0 : 1.0 / pop.residents(d);
    }
    this.state = new byte[agents];
    this.flags = new byte[agents];
    this.next = new int[agents];
    this.threshold = new float[agents];
    for (int i = 0; i < agents; i++) {
      threshold[i] = (float) -Math.log1p(-draws.uniform(i, Draws.THRESHOLD));
    }
    this.householdPressure = new double[pop.households()];
    this.placePressure = new double[pop.places()];
    this.placeForce = new double[pop.places()];
    this.districtPressure = new double[pop.districtCount()];
    this.communityForce = new double[pop.districtCount()];
    this.chunks = chunks(pop);
    this.today = new Tally(pop.districtCount());
    this.seeded = new Tally(pop.districtCount());
    this.scratch = new Tally(pop.districtCount());
    this.total = new Tally(pop.districtCount());
    total.add(S, agents);
  }

  private static Chunk[] chunks(SyntheticPopulation pop) {
    List<Chunk> out = new java.util.ArrayList<>();
    int from = 0;
    for (int h = 0; h < pop.households(); h++) {
      if (pop.householdStart(h + 1) - pop.householdStart(from) >= CHUNK_AGENTS) {
        out.add(new Chunk(pop.householdStart(from), pop.householdStart(h + 1), pop.districtCount()));
        from = h + 1;
      }
    }
    if (from < pop.households()) {
      out.add(new Chunk(pop.householdStart(from), pop.agents(), pop.districtCount()));
    }
    return out.toArray(Chunk[]::new);
  }

  private Chunk chunkOf(int agent) {
    int lo = 0;
    int hi = chunks.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (chunks[mid].fromAgent <= agent) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return chunks[lo];
  }

  /** Infects the given agents (imported cases) on day 0; call before the first {@link #advance}. */
  void seed(int[] seeds) {
    for (int i : seeds) {
      if (state[i] == S) {
        infect(i, 0, pop.householdDistrict(pop.household(i)), Tally.IMPORTED, seeded);
        chunkOf(i).addActive(i);
      }
    }
    total.add(seeded);
  }

  /** Simulates one day under {@code policy} with the given campaigns in force. */
  void advance(Policy policy, List<Campaign> campaigns) {
    today.clear();
    today.add(seeded);
    seeded.clear();
    scratch.clear();
    for (Campaign c : campaigns) {
      vaccinate(c, scratch);
    }
    parallel.run(chunks, c -> progress(c, policy));
    pressure(policy);
    parallel.run(chunks, c -> infect(c, policy));
    for (Chunk c : chunks) {
      scratch.add(c.tally);
      c.tally.clear();
    }
    total.add(scratch);
    today.add(scratch);
    day++;
  }

  private void vaccinate(Campaign c, Tally tally) {
    int doses = c.dosesToday(agents);
    int given = 0;
    while (given < doses && c.hasNext()) {
      int i = c.nextAgent();
      byte s = state[i];
      if (s == H || s == D || (flags[i] & VACCINATED) != 0) {
        continue;
      }
      flags[i] |= VACCINATED;
      given++;
      tally.vaccinated();
      if (s == S && draws.uniform(i, Draws.VACCINE) < c.plan.efficacy()) {
        state[i] = V;
        tally.move(S, V);
      }
    }
  }

  /**
   * Transitions due today and detection, over the chunk's active agents (exposed, infectious, in
   * hospital) only; drops those who leave the active states and collects the infectious.
   */
  private void progress(Chunk c, Policy policy) {
    final int t = day;
    c.infectious = 0;
    int kept = 0;
    int[] active = c.active;
    for (int k = 0; k < c.activeCount; k++) {
      int i = active[k];
      byte s = state[i];
      if (next[i] == t) {
        s = course.advance(i, s, t, state, next, flags, AgeBands.of(pop.age(i)), c.tally);
      }
      if (s >= R) {
        continue;
      }
      active[kept++] = i;
      if (s == IA || s == IS) {
        if (policy.testing && (flags[i] & DETECTED) == 0
            && draws.uniform(i, Draws.TEST + t) < (s == IS ? policy.detectSymptomatic
                : policy.detectAsymptomatic)) {
          flags[i] |= DETECTED;
          c.tally.detected();
        }
        c.addInfectious(i);
      }
    }
    c.activeCount = kept;
  }

  /** Sums infectiousness per household, place and district (one thread, chunk order). */
  private void pressure(Policy policy) {
    Arrays.fill(placePressure, 0);
    Arrays.fill(districtPressure, 0);
    double city = 0;
    for (Chunk c : chunks) {
      for (int k = 0; k < c.infectious; k++) {
        int i = c.agents[k];
        int h = pop.household(i);
        double w = state[i] == IS ? 1 : asymptomaticInfectiousness;
        boolean detected = (flags[i] & DETECTED) != 0;
        householdPressure[h] += detected ? w * policy.householdKeep : w;
        int d = pop.householdDistrict(h);
        double outside = w * (detected ? policy.isolationKeep : 1) * policy.districtKeep[d];
        int place = pop.dayPlace(i);
        if (place >= 0) {
          placePressure[place] += outside;
        }
        districtPressure[d] += outside;
        city += outside;
      }
    }
    double f = policy.outsideFactor;
    int closedBelow = policy.schoolsOpen ? 0 : pop.classes();
    double[] placeRate = rates.place;
    for (int k = 0; k < placeForce.length; k++) {
      placeForce[k] = k < closedBelow ? 0 : placeRate[k] * placePressure[k] * f;
    }
    double own = rates.ownShare;
    double cityTerm = (1 - own) * city / agents;
    for (int d = 0; d < communityForce.length; d++) {
      // Already times the district's lockdown factor: it applies to all residents alike.
      communityForce[d] = policy.districtKeep[d] * rates.community * f
          * (own * districtPressure[d] * inverseResidents[d] + cityTerm);
    }
  }

  /** Lowers every susceptible's remaining threshold by today's force; infects those reaching 0. */
  private void infect(Chunk c, Policy policy) {
    final int t = day;
    final int classes = pop.classes();
    final double[] keep = policy.districtKeep;
    final double[] householdRate = rates.household;
    for (int i = c.fromAgent; i < c.toAgent; i++) {
      if (state[i] != S) {
        continue;
      }
      int h = pop.household(i);
      int d = pop.householdDistrict(h);
      int place = pop.dayPlace(i);
      double pressure = householdPressure[h];
      // Most households have nobody infectious: skip looking up their size.
      double home = pressure == 0 ? 0
          : householdRate[pop.householdStart(h + 1) - pop.householdStart(h)] * pressure;
      double atPlace = place >= 0 ? keep[d] * placeForce[place] : 0;
      double lambda = home + atPlace + communityForce[d];
      if (!(lambda > 0)) {
        continue;
      }
      float left = (float) (threshold[i] - lambda);
      if (left > 0f) {
        threshold[i] = left;
        continue;
      }
      threshold[i] = 0f;
      double u = draws.uniform(i, Draws.SETTING) * lambda;
      int setting = u < home ? Tally.HOUSEHOLD
          : u < home + atPlace ? (place < classes ? Tally.SCHOOL : Tally.WORK) : Tally.COMMUNITY;
      infect(i, t, d, setting, c.tally);
      c.addActive(i);
    }
    for (int k = 0; k < c.infectious; k++) {
      householdPressure[pop.household(c.agents[k])] = 0;
    }
  }

  private void infect(int i, int t, int district, int setting, Tally tally) {
    boolean symptomatic = draws.uniform(i, Draws.SYMPTOMS) < symptomaticShare;
    state[i] = E;
    if (symptomatic) {
      flags[i] |= SYMPTOMATIC;
    }
    next[i] = t + course.latentDays(i);
    tally.infected(AgeBands.of(pop.age(i)), symptomatic, setting, district);
  }

  /** Days simulated so far; the next call to {@link #advance} simulates day {@code day()}. */
  int day() {
    return day;
  }

  /** Agents in a state now. */
  long count(int s) {
    return total.state(s);
  }

  /** Counts of the last simulated day (including day-0 imported cases on the first day). */
  Tally today() {
    return today;
  }

  /** Counts since the start. */
  Tally total() {
    return total;
  }

  /** Nobody is exposed, infectious or in hospital: without new imports nothing changes any more. */
  boolean quiet() {
    return count(E) + count(IA) + count(IS) + count(H) == 0;
  }

  /**
   * A run of whole households, {@code [fromAgent, toAgent)}, processed by one task, with its own
   * tally, its active agents (exposed, infectious, in hospital) and today's infectious agents.
   */
  static final class Chunk {
    final int fromAgent;
    final int toAgent;
    final Tally tally;
    int[] active = new int[64];
    int activeCount;
    int[] agents = new int[64];
    int infectious;

    Chunk(int fromAgent, int toAgent, int districts) {
      this.fromAgent = fromAgent;
      this.toAgent = toAgent;
      this.tally = new Tally(districts);
    }

    void addActive(int agent) {
      if (activeCount == active.length) {
        active = Arrays.copyOf(active, activeCount * 2);
      }
      active[activeCount++] = agent;
    }

    void addInfectious(int agent) {
      if (infectious == agents.length) {
        agents = Arrays.copyOf(agents, infectious * 2);
      }
      agents[infectious++] = agent;
    }
  }
}
