package io.citytwin.bench.evacuation;

import io.citytwin.sim.evacuation.CarLinks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline for {@link EvacuationQueueBenchmark}: the textbook time-stepped queue model as one would
 * first write it — a {@code List} of vehicle objects per link, every vehicle on every link visited
 * every tick to find those whose free-flow time is up, the head removed with {@code remove(0)},
 * flow capacity accumulated per tick (MATSim's discrete form), the same storage rule (a link never
 * holds more than its storage), the same waiting lists for departures and the same rule for
 * vehicles stuck at a queue head (given up after {@code abandonAfterS}). Links are served in index
 * order. It moves one link per tick at most, so trips take a little longer than in
 * {@code LinkQueues}; the work per vehicle-link update is what is compared.
 */
final class NaiveQueueModel {
  private static final class Vehicle {
    final int[] route;
    int pos;
    double exitAt;

    Vehicle(int[] route) {
      this.route = route;
    }
  }

  private final CarLinks links;
  private final List<ArrayList<Vehicle>> queues = new ArrayList<>();
  private final List<ArrayDeque<Vehicle>> waiting = new ArrayList<>();
  private final double[] flow;
  private final double[] blockedSince;
  private final double abandonAfterS;
  private final int[][] routes;
  private final double[] departS;
  private int nextDeparture;
  private long updates;
  private long arrived;
  private long moves;
  private long abandoned;

  /** Vehicles {@code i} leave at {@code departS[i]} (ascending) along {@code routes[i]}. */
  NaiveQueueModel(CarLinks links, int[][] routes, double[] departS, double abandonAfterS) {
    this.links = links;
    this.routes = routes;
    this.departS = departS;
    this.abandonAfterS = abandonAfterS;
    this.flow = new double[links.size()];
    this.blockedSince = new double[links.size()];
    java.util.Arrays.fill(blockedSince, Double.NaN);
    for (int l = 0; l < links.size(); l++) {
      queues.add(new ArrayList<>());
      waiting.add(new ArrayDeque<>());
    }
  }

  void run(double untilS, double tickS) {
    for (double now = 0; now < untilS; now += tickS) {
      tick(now, tickS);
    }
  }

  private void tick(double now, double tickS) {
    while (nextDeparture < routes.length && departS[nextDeparture] < now + tickS) {
      int i = nextDeparture++;
      waiting.get(routes[i][0]).add(new Vehicle(routes[i]));
    }
    for (int l = 0; l < links.size(); l++) {
      ArrayList<Vehicle> q = queues.get(l);
      if (q.isEmpty() && waiting.get(l).isEmpty()) {
        continue;
      }
      flow[l] = Math.min(flow[l] + links.capacityVehPerHour(l) * tickS / 3600, Math.max(1, links.capacityVehPerHour(l) * tickS / 3600));
      int ready = 0;
      for (Vehicle v : q) {
        updates++;
        if (v.exitAt <= now) {
          ready++;
        }
      }
      while (ready > 0 && flow[l] >= 1) {
        Vehicle v = q.get(0);
        if (v.exitAt > now) {
          break;
        }
        if (v.pos == v.route.length - 1) {
          q.remove(0);
          arrived++;
        } else {
          int n = v.route[v.pos + 1];
          if (queues.get(n).size() >= links.storage(n)) {
            if (Double.isNaN(blockedSince[l])) {
              blockedSince[l] = now;
            }
            if (now - blockedSince[l] < abandonAfterS) {
              break;
            }
            q.remove(0);
            abandoned++;
          } else {
            q.remove(0);
            v.pos++;
            v.exitAt = now + tickS + links.freeFlowS(n);
            queues.get(n).add(v);
          }
        }
        blockedSince[l] = Double.NaN;
        flow[l] -= 1;
        moves++;
        ready--;
      }
      ArrayDeque<Vehicle> w = waiting.get(l);
      while (!w.isEmpty() && q.size() < links.storage(l)) {
        Vehicle v = w.poll();
        v.exitAt = now + links.freeFlowS(l);
        q.add(v);
      }
    }
  }

  long updates() {
    return updates;
  }

  long moves() {
    return moves;
  }

  long arrived() {
    return arrived;
  }
}
