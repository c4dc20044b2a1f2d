package io.citytwin.sim.epidemic.population;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where people spend the day: pupils in school classes, workers in workplace teams. Everybody has
 * at most one such place, so one int per agent holds it.
 *
 * <p>Each pupil (school age) picks a school of its own building-stock copy with probability
 * proportional to the school's weight; the pupils of one school, copy and age are split into
 * near-equal classes of at most {@code classSize}. Each person of working age works with
 * probability {@code employmentRate}, in a workplace building of its own copy picked in proportion
 * to floor area; the workers of one building copy, in random order, are split into near-equal teams
 * of at most {@code workplaceSize}. Place ids: classes {@code [0, classes)}, then teams.
 */
final class DayPlaces {
  final int[] dayPlace;
  final int[] placeSize;
  final int classes;
  final int pupils;
  final int workers;

  private DayPlaces(int[] dayPlace, int[] placeSize, int classes, int pupils, int workers) {
    this.dayPlace = dayPlace;
    this.placeSize = placeSize;
    this.classes = classes;
    this.pupils = pupils;
    this.workers = workers;
  }

  static DayPlaces build(Households hh, BuildingStock stock, PopulationSpec spec, int copies,
      SplittableRandom rng) {
    int agents = hh.age.length;
    int[] dayPlace = new int[agents];
    Arrays.fill(dayPlace, -1);
    int ages = spec.schoolAgeTo() - spec.schoolAgeFrom() + 1;
    int schools = stock.schoolWeight.length;
    int buildings = stock.workWeight.length;
    double[] schoolCdf = schools == 0 ? null : Households.cumulative(stock.schoolWeight);
    double[] workCdf = buildings == 0 ? null : Households.cumulative(stock.workWeight);
    IntList pupils = new IntList(agents / 5);
    IntList pupilGroup = new IntList(agents / 5);
    IntList workers = new IntList(agents / 2);
    IntList workerGroup = new IntList(agents / 2);
    for (int h = 0; h < hh.count(); h++) {
      int copy = hh.copy[h];
      for (int i = hh.start[h]; i < hh.start[h + 1]; i++) {
        int age = hh.age[i];
        if (schoolCdf != null && age >= spec.schoolAgeFrom() && age <= spec.schoolAgeTo()) {
          int school = Households.draw(schoolCdf, rng.nextDouble());
          pupils.add(i);
          pupilGroup.add((copy * schools + school) * ages + age - spec.schoolAgeFrom());
        } else if (workCdf != null && age >= spec.workAgeFrom() && age <= spec.workAgeTo()
            && rng.nextDouble() < spec.employmentRate()) {
          workers.add(i);
          workerGroup.add(copy * buildings + Households.draw(workCdf, rng.nextDouble()));
        }
      }
    }
    IntList sizes = new IntList(agents / 10);
    split(pupils, pupilGroup, copies * schools * ages, spec.classSize(), dayPlace, sizes, rng);
    int classes = sizes.size();
    split(workers, workerGroup, copies * buildings, spec.workplaceSize(), dayPlace, sizes, rng);
    return new DayPlaces(dayPlace, sizes.toArray(), classes, pupils.size(), workers.size());
  }

  /**
   * Groups the members (counting sort by group, members of a group in random order) and splits
   * every group into near-equal places of at most {@code limit}, numbered after those in {@code
   * sizes}.
   */
  private static void split(IntList members, IntList group, int groups, int limit, int[] dayPlace,
      IntList sizes, SplittableRandom rng) {
    int n = members.size();
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    int[] count = new int[groups + 1];
    for (int k = 0; k < n; k++) {
      count[group.get(k) + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      count[g + 1] += count[g];
    }
    int[] sorted = new int[n];
    int[] fill = Arrays.copyOf(count, groups);
    for (int k : order) {
      sorted[fill[group.get(k)]++] = members.get(k);
    }
    for (int g = 0; g < groups; g++) {
      int from = count[g];
      int size = count[g + 1] - from;
      if (size == 0) {
        continue;
      }
      int parts = (size + limit - 1) / limit;
      for (int p = 0; p < parts; p++) {
        int lo = from + (int) ((long) size * p / parts);
        int hi = from + (int) ((long) size * (p + 1) / parts);
        int place = sizes.size();
        sizes.add(hi - lo);
        for (int k = lo; k < hi; k++) {
          dayPlace[sorted[k]] = place;
        }
      }
    }
  }
}
