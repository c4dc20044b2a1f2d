package io.citytwin.sim.epidemic;

import io.citytwin.geo.layer.District;
import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * District risk zones from the 7-day incidence: new infections among a district's residents over
 * the last seven simulated days per 100,000 residents. Low below {@code mediumFrom}, medium from
 * it, high from {@code highFrom}. The default thresholds, 35 and 50 per 100,000 in 7 days, are the
 * incidence thresholds of § 28a(3) of the German Infection Protection Act (IfSG, November 2020),
 * one of the few legal schemes stated as 7-day incidence per 100,000 (ECDC's map uses 14 days).
 * Incidence counts true infections (the model knows them), not detected cases.
 */
final class RiskZoning {
  static final int LOW = 0;
  static final int MEDIUM = 1;
  static final int HIGH = 2;
  private static final String[] KEYS = {"riskLow", "riskMedium", "riskHigh"};
  private static final int WINDOW = 7;

  private final List<District> districts;
  private final int[] residents;
  private final int agents;
  private final long[][] window;
  private final double mediumFrom;
  private final double highFrom;
  private final double[] peak;
  private final GeometryFactory factory = new GeometryFactory();
  private int days;
  private int[] lastZones;
  private Map<String, Geometry> lastFootprints;

  RiskZoning(SyntheticPopulation pop, double mediumFrom, double highFrom) {
    this.districts = pop.districts();
    this.residents = new int[pop.districtCount()];
    for (int d = 0; d < residents.length; d++) {
      residents[d] = pop.residents(d);
    }
    this.agents = pop.agents();
    this.window = new long[WINDOW][pop.districtCount()];
    this.mediumFrom = mediumFrom;
    this.highFrom = highFrom;
    this.peak = new double[districts.size()];
  }

  /** Adds one simulated day's infections by home district. */
  void record(Tally day) {
    long[] slot = window[days % WINDOW];
    for (int d = 0; d < slot.length; d++) {
      slot[d] = day.district(d);
    }
    days++;
    for (int d = 0; d < districts.size(); d++) {
      peak[d] = Math.max(peak[d], incidence(d));
    }
  }

  /** 7-day incidence per 100,000 residents of district {@code d} (0 for an empty district). */
  double incidence(int d) {
    if (residents[d] == 0) {
      return 0;
    }
    long sum = 0;
    for (long[] slot : window) {
      sum += slot[d];
    }
    return sum * 1e5 / residents[d];
  }

  /** 7-day incidence per 100,000 agents, city-wide. */
  double cityIncidence() {
    long sum = 0;
    for (long[] slot : window) {
      for (long v : slot) {
        sum += v;
      }
    }
    return sum * 1e5 / agents;
  }

  double peakIncidence(int d) {
    return peak[d];
  }

  int zone(int d) {
    double x = incidence(d);
    return x >= highFrom ? HIGH : x >= mediumFrom ? MEDIUM : LOW;
  }

  /** Zone of every district, by district index. */
  int[] zones() {
    int[] z = new int[districts.size()];
    for (int d = 0; d < z.length; d++) {
      z[d] = zone(d);
    }
    return z;
  }

  /** The district polygons of each zone ({@code riskLow}, {@code riskMedium}, {@code riskHigh}). */
  Map<String, Geometry> footprints(int[] zones) {
    if (lastZones != null && Arrays.equals(zones, lastZones)) {
      return lastFootprints;
    }
    Map<String, Geometry> out = new LinkedHashMap<>();
    for (int z = LOW; z <= HIGH; z++) {
      List<Geometry> parts = new ArrayList<>();
      for (int d = 0; d < zones.length; d++) {
        if (zones[d] == z) {
          parts.add(districts.get(d).geometry());
        }
      }
      out.put(KEYS[z], factory.buildGeometry(parts));
    }
    lastZones = zones;
    lastFootprints = out;
    return out;
  }

  /** Residents of districts in zone {@code z}. */
  long residentsIn(int[] zones, int z) {
    long sum = 0;
    for (int d = 0; d < zones.length; d++) {
      if (zones[d] == z) {
        sum += residents[d];
      }
    }
    return sum;
  }
}
