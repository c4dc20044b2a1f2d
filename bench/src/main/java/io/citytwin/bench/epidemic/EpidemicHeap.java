package io.citytwin.bench.epidemic;

import io.citytwin.sim.epidemic.EpidemicModel;
import io.citytwin.sim.epidemic.EpidemicSetup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Retained heap of the epidemic model (not JMH): used heap after a full GC before and after
 * preparing and running a 120-day epidemic of {@code agents} (argument, default 1,000,000). Run it
 * with {@code -Xmx1g} to show that a million agents fit in 1 GB.
 */
public final class EpidemicHeap {
  private EpidemicHeap() {}

  public static void main(String[] args) {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    BenchEpidemic.city();
    long city = used(memory);
    EpidemicSetup setup = BenchEpidemic.prepare(agents, "structured");
    long prepared = used(memory);
    EpidemicModel model = setup.newModel(2);
    Duration day = Duration.ofDays(1);
    long start = System.nanoTime();
    for (int k = 1; k <= BenchEpidemic.DAYS; k++) {
      model.step(k, BenchEpidemic.START.plus(day.multipliedBy(k - 1)), day);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long running = used(memory);
    System.out.printf("agents %,d; max heap %,d MB%n", agents, Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("city model and snapshot: %,d MB%n", city >> 20);
    System.out.printf("population (prepared setup): %,d MB (%.1f bytes/agent)%n",
        (prepared - city) >> 20, (double) (prepared - city) / agents);
    System.out.printf("model state after %d days: %,d MB (%.1f bytes/agent)%n", BenchEpidemic.DAYS,
        (running - prepared) >> 20, (double) (running - prepared) / agents);
    System.out.printf("total used: %,d MB; %d days in %.2f s = %.1f M person-days/s%n", running >> 20,
        BenchEpidemic.DAYS, seconds, agents * (double) BenchEpidemic.DAYS / seconds / 1e6);
    System.out.println("dead: " + model.summary().get("dead"));
  }

  private static long used(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
