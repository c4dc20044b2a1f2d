package io.citytwin.sim.epidemic;

import io.citytwin.sim.epidemic.population.AgeBands;
import java.util.Arrays;

/**
 * Event counts of one day (per chunk of agents, then summed) or of the whole run. One flat long
 * array, so summing chunk tallies in chunk order is cheap and deterministic.
 */
final class Tally {
  // Disease states (see Engine): susceptible, exposed, infectious without and with symptoms,
  // hospitalised, recovered, dead, immunised by vaccine.
  static final byte S = 0;
  static final byte E = 1;
  static final byte IA = 2;
  static final byte IS = 3;
  static final byte H = 4;
  static final byte R = 5;
  static final byte D = 6;
  static final byte V = 7;
  static final int STATES = 8;

  static final int HOUSEHOLD = 0;
  static final int SCHOOL = 1;
  static final int WORK = 2;
  static final int COMMUNITY = 3;
  static final int IMPORTED = 4;
  static final int SETTINGS = 5;
  static final String[] SETTING_NAMES = {"household", "school", "work", "community", "imported"};

  private static final int INFECTIONS = STATES;
  private static final int ADMISSIONS = INFECTIONS + 1;
  private static final int DETECTED = ADMISSIONS + 1;
  private static final int VACCINATED = DETECTED + 1;
  private static final int BAND_INFECTED = VACCINATED + 1;
  private static final int BAND_SYMPTOMATIC = BAND_INFECTED + AgeBands.COUNT;
  private static final int BAND_HOSPITALISED = BAND_SYMPTOMATIC + AgeBands.COUNT;
  private static final int BAND_DIED = BAND_HOSPITALISED + AgeBands.COUNT;
  private static final int SETTING = BAND_DIED + AgeBands.COUNT;
  private static final int DISTRICT = SETTING + SETTINGS;

  private final long[] v;

  Tally(int districts) {
    v = new long[DISTRICT + districts];
  }

  /** An agent moved from one state to another. */
  void move(int from, int to) {
    v[from]--;
    v[to]++;
  }

  /** Adds agents to a state without taking them from another (the initial population). */
  void add(int state, long count) {
    v[state] += count;
  }

  void infected(int band, boolean symptomatic, int setting, int district) {
    v[S]--;
    v[E]++;
    v[INFECTIONS]++;
    v[BAND_INFECTED + band]++;
    if (symptomatic) {
      v[BAND_SYMPTOMATIC + band]++;
    }
    v[SETTING + setting]++;
    v[DISTRICT + district]++;
  }

  void admitted(int band) {
    v[ADMISSIONS]++;
    v[BAND_HOSPITALISED + band]++;
  }

  void died(int band) {
    v[BAND_DIED + band]++;
  }

  void detected() {
    v[DETECTED]++;
  }

  void vaccinated() {
    v[VACCINATED]++;
  }

  /** Net change of (or, for a run total, agents in) a state. */
  long state(int s) {
    return v[s];
  }

  long infections() {
    return v[INFECTIONS];
  }

  long admissions() {
    return v[ADMISSIONS];
  }

  long detections() {
    return v[DETECTED];
  }

  long vaccinations() {
    return v[VACCINATED];
  }

  long bandInfected(int band) {
    return v[BAND_INFECTED + band];
  }

  long bandSymptomatic(int band) {
    return v[BAND_SYMPTOMATIC + band];
  }

  long bandHospitalised(int band) {
    return v[BAND_HOSPITALISED + band];
  }

  long bandDied(int band) {
    return v[BAND_DIED + band];
  }

  long setting(int setting) {
    return v[SETTING + setting];
  }

  long district(int d) {
    return v[DISTRICT + d];
  }

  void add(Tally o) {
    for (int i = 0; i < v.length; i++) {
      v[i] += o.v[i];
    }
  }

  void clear() {
    Arrays.fill(v, 0);
  }
}
