package io.citytwin.sim.epidemic;

/**
 * Counter-based random numbers: the draw for (agent, event) is a hash of the seed, the agent and
 * the event, so it does not depend on which thread asks or in what order. Each event number is
 * used at most once per agent (an agent is infected at most once; daily draws fold the day into
 * the event number), which makes every draw an independent uniform variate.
 */
final class Draws {
  static final int THRESHOLD = 0;
  static final int LATENT = 1;
  static final int SYMPTOMS = 2;
  static final int INFECTIOUS = 3;
  static final int ADMISSION = 4;
  static final int STAY = 5;
  static final int DEATH = 6;
  static final int SETTING = 7;
  static final int VACCINE = 8;
  /** Daily detection by testing: event {@code TEST + day}. */
  static final int TEST = 16;

  private final long key;

  Draws(long seed) {
    this.key = mix(seed ^ 0x6A09E667F3BCC909L);
  }

  /** Uniform in [0, 1). */
  double uniform(int agent, int event) {
    long h = mix(mix(((long) event << 32) | (agent & 0xFFFFFFFFL)) ^ key);
    return (h >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
