package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who leaves, how and when: the residents of each affected building are split, person by person
 * from the seeded generator, into stayers (1 − compliance), drivers (car share) and walkers; the
 * drivers of a building share ceil(drivers / occupancy) cars as evenly as possible; every car and
 * every walker gets its own departure time: the warning delay plus a draw from the mobilisation
 * curve. Pure function of its inputs and the generator's state.
 */
final class Demand {
  private Demand() {}

  /**
   * Parties for buildings with {@code residents[i]} residents each, ids from 0 in building order
   * (stayers first, then cars, then walkers of each building).
   */
  static List<Party> of(int[] residents, EvacuationParams p, SplittableRandom rng) {
    List<Party> out = new ArrayList<>();
    double delayS = p.mobilisationDelay().toMillis() / 1000.0;
    for (int b = 0; b < residents.length; b++) {
      int stay = 0;
      int drive = 0;
      int walk = 0;
      for (int i = 0; i < residents[b]; i++) {
        if (rng.nextDouble() >= p.compliance()) {
          stay++;
        } else if (rng.nextDouble() < p.car().share()) {
          drive++;
        } else {
          walk++;
        }
      }
      if (stay > 0) {
        out.add(new Party(out.size(), stay, b, Double.POSITIVE_INFINITY, null, Party.Status.STAYING));
      }
      int cars = (int) Math.ceil(drive / p.car().occupancy());
      for (int c = 0; c < cars; c++) {
        int persons = drive / cars + (c < drive % cars ? 1 : 0);
        out.add(new Party(out.size(), persons, b, delayS + p.mobilisation().sampleS(rng), TravelMode.CAR,
            Party.Status.HOME));
      }
      for (int w = 0; w < walk; w++) {
        out.add(new Party(out.size(), 1, b, delayS + p.mobilisation().sampleS(rng), TravelMode.FOOT,
            Party.Status.HOME));
      }
    }
    return out;
  }
}
