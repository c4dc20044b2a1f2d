package io.citytwin.sim.epidemic;

import io.citytwin.sim.epidemic.population.AgeBands;
import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.SplittableRandom;

/**
 * The running state of one vaccination campaign: who is next in line and how many doses are due.
 * The queue is fixed when the run starts: by age band from the oldest (random order within a band),
 * {@code coverage} of each band's eligible people, or {@code coverage} of all eligible people in
 * random order.
 */
final class Campaign {
  final Effect.Vaccinate plan;
  private final int[] queue;
  private int next;
  private double due;

  private Campaign(Effect.Vaccinate plan, int[] queue) {
    this.plan = plan;
    this.queue = queue;
  }

  static Campaign of(Effect.Vaccinate plan, SyntheticPopulation pop, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = pop.agents();
    int[][] byBand = new int[AgeBands.COUNT][];
    int[] counts = new int[AgeBands.COUNT];
    for (int i = 0; i < n; i++) {
      counts[plan.oldestFirst() ? AgeBands.of(pop.age(i)) : 0]++;
    }
    for (int b = 0; b < AgeBands.COUNT; b++) {
      byBand[b] = new int[counts[b]];
      counts[b] = 0;
    }
    for (int i = 0; i < n; i++) {
      if (pop.age(i) >= plan.minAge()) {
        int b = plan.oldestFirst() ? AgeBands.of(pop.age(i)) : 0;
        byBand[b][counts[b]++] = i;
      }
    }
    int total = 0;
    int[] take = new int[AgeBands.COUNT];
    for (int b = 0; b < AgeBands.COUNT; b++) {
      take[b] = (int) Math.ceil(plan.coverage() * counts[b] - 1e-9);
      total += take[b];
    }
    int[] queue = new int[total];
    int k = 0;
    for (int b = AgeBands.COUNT - 1; b >= 0; b--) {
      int[] members = byBand[b];
      for (int j = 0; j < take[b]; j++) {
        // Partial Fisher-Yates over the band's eligible members: a random subset in random order.
        int r = j + rng.nextInt(counts[b] - j);
        int t = members[j];
        members[j] = members[r];
        members[r] = t;
        queue[k++] = members[j];
      }
    }
    return new Campaign(plan, queue);
  }

  /** Doses for today: {@code dailyRate * agents}, carrying fractions over to the next day. */
  int dosesToday(int agents) {
    due += plan.dailyRate() * agents;
    int doses = (int) due;
    due -= doses;
    return doses;
  }

  boolean hasNext() {
    return next < queue.length;
  }

  int nextAgent() {
    return queue[next++];
  }
}
