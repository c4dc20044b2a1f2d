package io.citytwin.sim.epidemic.population;

import io.citytwin.geo.layer.District;
import java.util.List;

/**
 * Synthetic people placed in the city's real buildings, stored as parallel primitive arrays (no
 * object per person): 9 bytes per agent plus 6 per household, so a million agents take about
 * 12 MB. Agents are numbered household by household, so the members of household {@code h}
 * are {@code householdStart(h) .. householdStart(h + 1) - 1}. Immutable and safe to share between
 * threads; built by {@link PopulationBuilder}.
 *
 * <p>Always synthetic: no open per-person or per-household data exists for the demo city. What it
 * is built from is in {@link PopulationBuilder}.
 */
public final class SyntheticPopulation {
  private final byte[] age;
  private final int[] householdStart;
  private final int[] household;
  private final short[] householdDistrict;
  private final int[] dayPlace;
  private final int[] placeSize;
  private final int classes;
  private final List<District> districts;
  private final int[] districtResidents;
  private final Facts facts;

  /**
   * How the population was made, for summaries.
   *
   * @param baseResidents residents of the city's population layer
   * @param copies how many copies of the building stock hold the agents
   * @param schoolSites schools found in the city
   * @param workplaceBuildings buildings that employ people
   * @param pupils agents going to school
   * @param workers agents going to work
   * @param spec the parameters used
   * @param source the city's population source
   */
  public record Facts(int baseResidents, int copies, int schoolSites, int workplaceBuildings,
      int pupils, int workers, PopulationSpec spec, String source) {}

  SyntheticPopulation(Households hh, DayPlaces places, List<District> districts, Facts facts) {
    this.age = hh.age;
    this.householdStart = hh.start;
    this.household = new int[hh.age.length];
    for (int h = 0; h < hh.count(); h++) {
      java.util.Arrays.fill(household, hh.start[h], hh.start[h + 1], h);
    }
    this.householdDistrict = hh.district;
    this.dayPlace = places.dayPlace;
    this.placeSize = places.placeSize;
    this.classes = places.classes;
    this.districts = List.copyOf(districts);
    this.districtResidents = new int[districts.size() + 1];
    for (int h = 0; h < hh.count(); h++) {
      districtResidents[hh.district[h]] += hh.size(h);
    }
    this.facts = facts;
  }

  public int agents() {
    return age.length;
  }

  /** Age in whole years, 0..{@value AgeBands#MAX_AGE}. */
  public int age(int agent) {
    return age[agent];
  }

  public int households() {
    return householdDistrict.length;
  }

  /** First agent of household {@code h}; {@code householdStart(households())} is the agent count. */
  public int householdStart(int h) {
    return householdStart[h];
  }

  /** The household an agent belongs to. */
  public int household(int agent) {
    return household[agent];
  }

  /** District index of the household's home, {@code 0..districtCount() - 1}. */
  public int householdDistrict(int h) {
    return householdDistrict[h];
  }

  /** The city's districts; index {@code districts().size()} stands for "in no district". */
  public List<District> districts() {
    return districts;
  }

  /** Districts plus the "no district" slot. */
  public int districtCount() {
    return districtResidents.length;
  }

  /** Agents living in district {@code d}. */
  public int residents(int d) {
    return districtResidents[d];
  }

  /** The agent's school class or work team, or -1 when it has none. */
  public int dayPlace(int agent) {
    return dayPlace[agent];
  }

  /** School classes and work teams. */
  public int places() {
    return placeSize.length;
  }

  /** School classes are places {@code 0 .. classes() - 1}; the rest are work teams. */
  public int classes() {
    return classes;
  }

  public int placeSize(int place) {
    return placeSize[place];
  }

  public Facts facts() {
    return facts;
  }

  /** Agents per agent of the city's population layer (above 1 for a scaled-up population). */
  public double scale() {
    return (double) agents() / facts.baseResidents();
  }
}
