package io.citytwin.sim.epidemic;

import java.util.Arrays;

/**
 * The measures in force on one day, as factors on transmission. Rebuilt every day from the active
 * interventions; a factor of 1 means "no change".
 */
final class Policy {
  boolean schoolsOpen;
  /** Factor on every non-household contact (masks). */
  double outsideFactor;
  /** Per home district: share of its residents' non-household contacts that still happen. */
  final double[] districtKeep;
  boolean testing;
  /** Daily probability that an undetected infectious person with symptoms is detected. */
  double detectSymptomatic;
  double detectAsymptomatic;
  /** Share of a detected person's non-household transmission that remains. */
  double isolationKeep;
  /** Share of a detected person's household transmission that remains. */
  double householdKeep;

  Policy(int districts) {
    districtKeep = new double[districts];
    reset();
  }

  void reset() {
    schoolsOpen = true;
    outsideFactor = 1;
    Arrays.fill(districtKeep, 1);
    testing = false;
    detectSymptomatic = 0;
    detectAsymptomatic = 0;
    isolationKeep = 1;
    householdKeep = 1;
  }
}
