package io.citytwin.geo.road;

/** Who moves on the road graph: vehicles follow one-way rules and car-legal ways, pedestrians don't. */
public enum TravelMode {
  CAR,
  FOOT
}
