package io.citytwin.geo.layer;

/** What a building is used for, derived from OSM {@code building=*} and {@code amenity=*} tags. */
public enum BuildingUse {
  RESIDENTIAL,
  COMMERCIAL,
  INDUSTRIAL,
  SCHOOL,
  HOSPITAL,
  PUBLIC,
  RELIGIOUS,
  OTHER;

  /** Whether people live here, i.e. whether it takes a share of the synthetic population. */
  public boolean residential() {
    return this == RESIDENTIAL;
  }
}
