package io.citytwin.sim.epidemic.population;

/**
 * The nine ten-year age bands the model reports and parameterises by: 0-9, 10-19, ..., 70-79,
 * 80+. They match the bands of the published severity tables (Verity et al. 2020, Ferguson et al.
 * 2020), so their figures can be used unchanged.
 */
public final class AgeBands {
  /** Number of bands. */
  public static final int COUNT = 9;
  /** Highest age an agent can have (ages in the open 80+ band are spread over 80-99). */
  public static final int MAX_AGE = 99;

  private static final String[] LABELS = {
    "0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+"
  };

  private AgeBands() {}

  /** The band of an age in whole years. */
  public static int of(int age) {
    return Math.min(COUNT - 1, Math.max(0, age) / 10);
  }

  public static String label(int band) {
    return LABELS[band];
  }

  /** Youngest age in the band. */
  public static int from(int band) {
    return band * 10;
  }

  /** Oldest age in the band. */
  public static int to(int band) {
    return band == COUNT - 1 ? MAX_AGE : band * 10 + 9;
  }
}
