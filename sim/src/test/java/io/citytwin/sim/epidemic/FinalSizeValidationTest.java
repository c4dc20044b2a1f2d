package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Homogeneous mixing against the final-size equation z = 1 - exp(-R0 z) (Kermack-McKendrick),
 * which holds for any latent and infectious period distribution. R0 is computed here from the
 * parameters, not taken from the model: contacts x per-contact probability x mean infectious days
 * (from an independent discretisation of the Erlang distribution) x mean relative infectiousness.
 */
class FinalSizeValidationTest {
  static final int AGENTS = 400_000;
  static final double PER_CONTACT = 0.05;
  static final double SYMPTOMATIC = 0.67;
  static final double ASYMPTOMATIC_INFECTIOUSNESS = 0.5;

  @ParameterizedTest(name = "R0 = {0}")
  @ValueSource(doubles = {1.5, 2.0, 3.0})
  void finalAttackRateMatchesTheFinalSizeEquationWithinOnePercent(double r0) {
    double meanInfectiousDays = Reference.meanDays(Reference.erlangDays(5.0, 2));
    double meanInfectiousness = SYMPTOMATIC + (1 - SYMPTOMATIC) * ASYMPTOMATIC_INFECTIOUSNESS;
    double contacts = r0 / (PER_CONTACT * meanInfectiousDays * meanInfectiousness);

    Runs.Result run = Runs.run(Scenarios.epidemic(11, 2000, "{\"agents\":" + AGENTS
        + ",\"mixing\":\"homogeneous\",\"initialInfected\":100,\"seedArea\":\"city\","
        + "\"contactsPerDay\":{\"homogeneous\":" + contacts + "},"
        + "\"transmission\":{\"perContact\":" + PER_CONTACT + ",\"symptomaticShare\":" + SYMPTOMATIC
        + ",\"asymptomaticInfectiousness\":" + ASYMPTOMATIC_INFECTIOUSNESS + "},"
        + "\"durations\":{\"latent\":{\"mean\":4.6,\"shape\":4},\"infectious\":{\"mean\":5.0,\"shape\":2}}}"), 2);

    assertThat(run.model().finished()).as("epidemic over").isTrue();
    double z = run.metric("recovered") + run.metric("dead");
    z /= AGENTS;
    double expected = Reference.finalSize(r0);
    System.out.printf("R0 %.2f: final size %.4f, equation %.4f, difference %+.4f (%d days)%n", r0, z,
        expected, z - expected, run.frames().size());
    assertThat(z).as("relative error").isCloseTo(expected, org.assertj.core.api.Assertions.withinPercentage(1));
    assertThat((Double) run.summary().get("r0")).isCloseTo(r0, within(1e-9));
  }
}
