package io.citytwin.sim.epidemic;

/** What an intervention changes while it is in force. */
sealed interface Effect
    permits Effect.CloseSchools, Effect.Lockdown, Effect.Masks, Effect.TestAndIsolate,
        Effect.Vaccinate {

  /** Applies the effect to the day's policy; later effects override earlier ones of their kind. */
  void apply(Policy policy);

  /** Schools closed: no transmission in school classes (pupils keep their other contacts). */
  record CloseSchools() implements Effect {
    @Override
    public void apply(Policy policy) {
      policy.schoolsOpen = false;
    }
  }

  /**
   * A district locked down: its residents' non-household contacts (school, work, community) are
   * cut by {@code reduction}, both as sources and as targets of infection.
   *
   * @param district district index in the population
   * @param code the district's code, for notes
   */
  record Lockdown(int district, String code, double reduction) implements Effect {
    @Override
    public void apply(Policy policy) {
      policy.districtKeep[district] = 1 - reduction;
    }
  }

  /** Masks: every non-household contact transmits with {@code factor} times the probability. */
  record Masks(double factor) implements Effect {
    @Override
    public void apply(Policy policy) {
      policy.outsideFactor = factor;
    }
  }

  /**
   * Testing and isolation: every day an undetected infectious person is detected with the given
   * probability; a detected person's non-household transmission is cut by {@code isolation} and
   * their household transmission by {@code householdIsolation} until they stop being infectious.
   */
  record TestAndIsolate(double symptomaticDetection, double asymptomaticDetection, double isolation,
      double householdIsolation) implements Effect {
    @Override
    public void apply(Policy policy) {
      policy.testing = true;
      policy.detectSymptomatic = symptomaticDetection;
      policy.detectAsymptomatic = asymptomaticDetection;
      policy.isolationKeep = 1 - isolation;
      policy.householdKeep = 1 - householdIsolation;
    }
  }

  /**
   * A vaccination campaign (all-or-nothing protection): {@code dailyRate} x agents doses a day, in
   * priority order, to {@code coverage} of the eligible people (aged {@code minAge} or more) of each
   * age band ({@code oldestFirst}) or of all of them together (random order). A dose protects a
   * susceptible person for good with probability {@code efficacy}; doses given to people already
   * infected or recovered have no effect, people in hospital or dead are skipped.
   */
  record Vaccinate(double dailyRate, double coverage, double efficacy, int minAge,
      boolean oldestFirst) implements Effect {
    @Override
    public void apply(Policy policy) {
      // Campaigns act on agents directly (see Campaign), not through the policy.
    }
  }
}
