package io.citytwin.sim.epidemic;

import static io.citytwin.sim.epidemic.Tally.D;
import static io.citytwin.sim.epidemic.Tally.E;
import static io.citytwin.sim.epidemic.Tally.H;
import static io.citytwin.sim.epidemic.Tally.IA;
import static io.citytwin.sim.epidemic.Tally.IS;
import static io.citytwin.sim.epidemic.Tally.R;

/**
 * The course of an infection after it happens: E -> IA/IS -> (IS only) H -> D, or R. Durations
 * and outcomes are drawn from {@link Draws} by (agent, event), so they are the same whichever
 * thread runs them. Immutable.
 */
final class Transitions {
  private final Draws draws;
  private final DayDistribution latent;
  private final DayDistribution infectious;
  private final DayDistribution stay;
  private final double[] admission;
  private final double[] death;

  Transitions(EpidemicConfig cfg, Draws draws) {
    this.draws = draws;
    this.latent = cfg.latent();
    this.infectious = cfg.infectious();
    this.stay = cfg.hospitalStay();
    this.admission = cfg.hospitalisationIfSymptomatic();
    this.death = cfg.deathIfHospitalised();
  }

  int latentDays(int agent) {
    return latent.sample(draws.uniform(agent, Draws.LATENT));
  }

  /**
   * Moves agent {@code i}, whose transition is due on day {@code t}, out of state {@code s};
   * returns its new state.
   */
  byte advance(int i, byte s, int t, byte[] state, int[] next, byte[] flags, int band, Tally tally) {
    byte to;
    switch (s) {
      case E -> {
        to = (flags[i] & Engine.SYMPTOMATIC) != 0 ? IS : IA;
        next[i] = t + infectious.sample(draws.uniform(i, Draws.INFECTIOUS));
      }
      case IS -> {
        if (draws.uniform(i, Draws.ADMISSION) < admission[band]) {
          to = H;
          next[i] = t + stay.sample(draws.uniform(i, Draws.STAY));
          tally.admitted(band);
        } else {
          to = R;
        }
      }
      case H -> {
        if (draws.uniform(i, Draws.DEATH) < death[band]) {
          to = D;
          tally.died(band);
        } else {
          to = R;
        }
      }
      default -> to = R;
    }
    state[i] = to;
    tally.move(s, to);
    return to;
  }
}
