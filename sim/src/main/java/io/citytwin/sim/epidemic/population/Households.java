package io.citytwin.sim.epidemic.population;

import io.citytwin.geo.population.PopulationAllocator;
import java.util.SplittableRandom;

/**
 * Splits the residents of every home into households and gives everybody an age.
 *
 * <p>Households: sizes are drawn from the household size distribution until the home is full;
 * the last household takes whoever is left, so a home of 3 residents never holds a household of 4.
 *
 * <p>Ages: the population's age composition is exact (each band gets its share of the agents by
 * largest remainder; ages are uniform within a band, 80+ over 80-99). Ages are then poured into
 * household places in this order, each list of places shuffled: the first member of every
 * household (adults first), the second member of households of three or more (adults first),
 * their further members (minors first), and the second member of two-person households (minors
 * first). So minors live with at least one adult whenever there are enough adults, and children
 * concentrate in the larger households. Ages of adults within a household are not correlated (a
 * simplification).
 */
final class Households {
  static final int ADULT_AGE = 18;

  final int[] start;
  final short[] district;
  final int[] copy;
  final byte[] age;

  private Households(int[] start, short[] district, int[] copy, byte[] age) {
    this.start = start;
    this.district = district;
    this.copy = copy;
    this.age = age;
  }

  int count() {
    return district.length;
  }

  int size(int h) {
    return start[h + 1] - start[h];
  }

  /**
   * @param residents residents of every home copy, copy-major ({@code copy * homes + home})
   * @param homeDistrict district index of every home
   */
  static Households build(int[] residents, short[] homeDistrict, PopulationSpec spec,
      SplittableRandom rng) {
    int homes = homeDistrict.length;
    double[] sizeCdf = cumulative(spec.householdSizeWeights());
    IntList starts = new IntList(residents.length * 4);
    IntList districts = new IntList(residents.length * 4);
    IntList copies = new IntList(residents.length * 4);
    int agent = 0;
    for (int e = 0; e < residents.length; e++) {
      int left = residents[e];
      while (left > 0) {
        int size = Math.min(left, draw(sizeCdf, rng.nextDouble()) + 1);
        starts.add(agent);
        districts.add(homeDistrict[e % homes]);
        copies.add(e / homes);
        agent += size;
        left -= size;
      }
    }
    starts.add(agent);
    int[] start = starts.toArray();
    short[] district = new short[districts.size()];
    for (int h = 0; h < district.length; h++) {
      district[h] = (short) districts.get(h);
    }
    byte[] age = ages(start, agent, spec, rng);
    return new Households(start, district, copies.toArray(), age);
  }

  private static byte[] ages(int[] start, int agents, PopulationSpec spec, SplittableRandom rng) {
    int[] perBand = PopulationAllocator.shares(agents, spec.ageBandWeights());
    IntList minors = new IntList(agents / 4);
    IntList adults = new IntList(agents);
    for (int b = 0; b < AgeBands.COUNT; b++) {
      for (int k = 0; k < perBand[b]; k++) {
        int a = AgeBands.from(b) + rng.nextInt(AgeBands.to(b) - AgeBands.from(b) + 1);
        (a < ADULT_AGE ? minors : adults).add(a);
      }
    }
    minors.shuffle(rng);
    adults.shuffle(rng);
    int households = start.length - 1;
    IntList heads = new IntList(households);
    IntList seconds = new IntList(households);
    IntList others = new IntList(households);
    IntList partners = new IntList(households);
    for (int h = 0; h < households; h++) {
      int size = start[h + 1] - start[h];
      heads.add(start[h]);
      if (size == 2) {
        partners.add(start[h] + 1);
      } else if (size >= 3) {
        seconds.add(start[h] + 1);
        for (int m = 2; m < size; m++) {
          others.add(start[h] + m);
        }
      }
    }
    byte[] age = new byte[agents];
    Pour pour = new Pour(adults, minors, age);
    for (IntList places : new IntList[] {heads, seconds, others, partners}) {
      places.shuffle(rng);
    }
    pour.fill(heads, true);
    pour.fill(seconds, true);
    pour.fill(others, false);
    pour.fill(partners, false);
    return age;
  }

  /** Hands out ages from the two queues; the preferred queue first, the other when it runs dry. */
  private static final class Pour {
    private final IntList adults;
    private final IntList minors;
    private final byte[] age;
    private int nextAdult;
    private int nextMinor;

    Pour(IntList adults, IntList minors, byte[] age) {
      this.adults = adults;
      this.minors = minors;
      this.age = age;
    }

    void fill(IntList places, boolean adultsFirst) {
      for (int k = 0; k < places.size(); k++) {
        boolean adult = adultsFirst ? nextAdult < adults.size() : nextMinor >= minors.size();
        age[places.get(k)] = (byte) (adult ? adults.get(nextAdult++) : minors.get(nextMinor++));
      }
    }
  }

  static double[] cumulative(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] cdf = new double[weights.length];
    double run = 0;
    for (int i = 0; i < weights.length; i++) {
      run += weights[i];
      cdf[i] = run / sum;
    }
    cdf[weights.length - 1] = 1.0;
    return cdf;
  }

  /** Index of the first cumulative weight above {@code u}. */
  static int draw(double[] cdf, double u) {
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
