package io.citytwin.sim.epidemic.population;

import java.util.Arrays;

/**
 * How the synthetic population is built: household sizes, age structure, schooling and work.
 * Defaults and their sources are in {@link #DEFAULT}.
 *
 * @param householdSizeWeights relative frequency of households of 1, 2, ..., 6 persons (the last
 *     entry stands for exactly six); normalised, need not sum to 1
 * @param ageBandWeights relative share of each {@link AgeBands age band}; normalised
 * @param schoolAgeFrom youngest pupil age (years)
 * @param schoolAgeTo oldest pupil age (years)
 * @param classSize most pupils in one class (pupils of one school, copy and age are split into
 *     classes of at most this size)
 * @param workAgeFrom youngest worker age (years)
 * @param workAgeTo oldest worker age (years)
 * @param employmentRate share of people of working age who go to a workplace
 * @param workplaceSize most workers in one team (the workers of one building copy are split into
 *     teams of at most this size; colleagues meet within their team)
 */
public record PopulationSpec(
    double[] householdSizeWeights,
    double[] ageBandWeights,
    int schoolAgeFrom,
    int schoolAgeTo,
    int classSize,
    int workAgeFrom,
    int workAgeTo,
    double employmentRate,
    int workplaceSize) {

  /** Household sizes 1..6. */
  public static final int MAX_HOUSEHOLD = 6;

  /**
   * Defaults for the demo city, Monaco.
   *
   * <p>Household sizes (1..6 persons: 38.6, 31, 14, 11, 4, 1.4 %): the one-person share is INSEE's
   * for the urban unit Menton-Monaco (French part), census 2018 (38.6 % of households); the other
   * shares are an assumption chosen so the mean size is 2.15, the Monaco 2016 census ratio of
   * 37,308 residents to 17,385 principal residences (19,534 dwellings, 89 % principal; IMSEE).
   *
   * <p>Age bands (0-9 ... 80+: 8.24, 9.00, 8.21, 11.69, 15.11, 14.26, 14.79, 10.39, 8.32 %): ages
   * 0-64 from the five-year table "Structure of the population" of Wikipedia's "Demographics of
   * Monaco" (total 31,109); its 65+ remainder (26.0 %, in line with the 25.9 % aged 65+ of the 2016
   * census) is split 28/40/32 % over 65-69, 70-79 and 80+ by assumption.
   *
   * <p>Schooling 3-17 (compulsory school in Monaco is 6-16; nursery from 3 and upper secondary to
   * 17 are near universal: assumption), classes of at most 25. Work 18-64 with an employment rate
   * of 0.70 (assumption close to the French 20-64 rate), teams of at most 20 colleagues.
   */
  public static final PopulationSpec DEFAULT = new PopulationSpec(
      new double[] {38.6, 31.0, 14.0, 11.0, 4.0, 1.4},
      new double[] {8.24, 9.00, 8.21, 11.69, 15.11, 14.26, 14.79, 10.39, 8.32},
      3, 17, 25, 18, 64, 0.70, 20);

  public PopulationSpec {
    householdSizeWeights = householdSizeWeights.clone();
    ageBandWeights = ageBandWeights.clone();
    if (householdSizeWeights.length != MAX_HOUSEHOLD || ageBandWeights.length != AgeBands.COUNT) {
      throw new IllegalArgumentException("need " + MAX_HOUSEHOLD + " household sizes and "
          + AgeBands.COUNT + " age bands");
    }
  }

  @Override
  public double[] householdSizeWeights() {
    return householdSizeWeights.clone();
  }

  @Override
  public double[] ageBandWeights() {
    return ageBandWeights.clone();
  }

  /** Mean household size implied by the weights. */
  public double meanHouseholdSize() {
    double sum = 0;
    double weighted = 0;
    for (int s = 0; s < MAX_HOUSEHOLD; s++) {
      sum += householdSizeWeights[s];
      weighted += householdSizeWeights[s] * (s + 1);
    }
    return weighted / sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PopulationSpec p
        && Arrays.equals(householdSizeWeights, p.householdSizeWeights)
        && Arrays.equals(ageBandWeights, p.ageBandWeights)
        && schoolAgeFrom == p.schoolAgeFrom && schoolAgeTo == p.schoolAgeTo
        && classSize == p.classSize && workAgeFrom == p.workAgeFrom && workAgeTo == p.workAgeTo
        && employmentRate == p.employmentRate && workplaceSize == p.workplaceSize;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(householdSizeWeights) * 31 + Arrays.hashCode(ageBandWeights);
  }

  @Override
  public String toString() {
    return "PopulationSpec[households " + Arrays.toString(householdSizeWeights) + ", ages "
        + Arrays.toString(ageBandWeights) + ", school " + schoolAgeFrom + "-" + schoolAgeTo
        + " in classes of " + classSize + ", work " + workAgeFrom + "-" + workAgeTo + " at "
        + employmentRate + " in teams of " + workplaceSize + "]";
  }
}
