package io.citytwin.sim.hazard.plume;

/** Pasquill–Gifford atmospheric stability class, from A (very unstable) to F (moderately stable). */
public enum StabilityClass {
  A,
  B,
  C,
  D,
  E,
  F
}
