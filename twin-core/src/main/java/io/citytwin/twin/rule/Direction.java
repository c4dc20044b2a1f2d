package io.citytwin.twin.rule;

/** Which way a condition points: above a level or rising ({@link #UP}), below or falling. */
public enum Direction {
  UP,
  DOWN;

  /**
   * {@code x} oriented so that "further in this direction" is "larger": {@code x} for UP, {@code
   * -x} for DOWN. Lets one comparison serve both directions.
   */
  public double oriented(double x) {
    return this == UP ? x : -x;
  }

  /** Whether {@code x} lies strictly beyond {@code limit} in this direction. */
  public boolean beyond(double x, double limit) {
    return oriented(x) > oriented(limit);
  }
}
