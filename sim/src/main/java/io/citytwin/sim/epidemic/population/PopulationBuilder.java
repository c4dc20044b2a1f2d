package io.citytwin.sim.epidemic.population;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.population.PopulationAllocator;
import java.util.SplittableRandom;

/**
 * Builds a {@link SyntheticPopulation} of any size from a city's buildings and its synthetic
 * residents-per-building layer. Deterministic: the same city, size, spec and seed give the same
 * population. Blocking and CPU-bound (about a second for a million agents).
 *
 * <p><b>Scale-up.</b> The building stock is replicated {@code copies = max(1, round(agents /
 * residents))} times, where {@code residents} is the city's population total. The agents are shared
 * over all copies of all homes in proportion to each home's residents (largest remainder, so the
 * total is exact): every copy of a building holds about {@code agents / (copies * residents)}
 * times its real residents, i.e. the real density when {@code agents} is a multiple of the city.
 * Each copy is a separate set of places (its own households, school classes and workplace teams;
 * pupils and workers stay in their own copy), while districts are shared: the residents of every
 * copy of a district's buildings are that district's residents. A population smaller than the city
 * shrinks every home instead. The result is synthetic and labelled so.
 *
 * <p>Then {@link Households} (sizes and ages) and {@link DayPlaces} (schools and work).
 */
public final class PopulationBuilder {
  private static final long STREAM = 0x5EED_F00D_CAFEL;

  private PopulationBuilder() {}

  /**
   * @param agents number of agents, at least 1
   * @throws IllegalArgumentException when the city has no residents to start from
   */
  public static SyntheticPopulation build(CityModel city, int agents, PopulationSpec spec, long seed) {
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1, was " + agents);
    }
    BuildingStock stock = BuildingStock.of(city);
    int homes = stock.homeResidents.length;
    int copies = Math.max(1, (int) Math.round((double) agents / stock.baseResidents));
    double[] weights = new double[copies * homes];
    for (int c = 0; c < copies; c++) {
      for (int b = 0; b < homes; b++) {
        weights[c * homes + b] = stock.homeResidents[b];
      }
    }
    int[] residents = PopulationAllocator.shares(agents, weights);
    SplittableRandom rng = new SplittableRandom(seed ^ STREAM);
    Households hh = Households.build(residents, stock.homeDistrict, spec, rng.split());
    DayPlaces places = DayPlaces.build(hh, stock, spec, copies, rng.split());
    SyntheticPopulation.Facts facts = new SyntheticPopulation.Facts(stock.baseResidents, copies,
        stock.schoolWeight.length, stock.workWeight.length, places.pupils, places.workers, spec,
        city.population().source());
    return new SyntheticPopulation(hh, places, stock.districts, facts);
  }
}
