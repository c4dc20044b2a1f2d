package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.TravelMode;

/**
 * People who travel together: the occupants of one car, one pedestrian, or the residents of a
 * building who stay home. Mutable state of one model run.
 */
final class Party {
  /** Where the party is in its evacuation. */
  enum Status {
    /** Not set off yet (or could not be routed and waits for a way out). */
    HOME,
    /** Will not evacuate (the non-compliant share). */
    STAYING,
    /** Travelling, or waiting in its car for room on the road. */
    TRAVELLING,
    /** Reached a shelter. */
    ARRIVED
  }

  final int id;
  final int persons;
  /** Index into the model's affected buildings. */
  final int building;
  final double departS;
  TravelMode mode;
  Status status;
  /** Vehicle id in the link model or walker id, -1 before departure. */
  int engineId = -1;
  Shelter shelter;
  /** Whether the last routing attempt found no way to an open shelter. */
  boolean withoutRoute;
  double arrivedS = Double.NaN;
  /** Node to route from instead of the home building's (occupants of an abandoned car), or -1. */
  int retryNode = -1;
  /** Edge where a party between vehicles is (an abandoned car's), or -1. */
  int lastEdge = -1;

  Party(int id, int persons, int building, double departS, TravelMode mode, Status status) {
    this.id = id;
    this.persons = persons;
    this.building = building;
    this.departS = departS;
    this.mode = mode;
    this.status = status;
  }
}
