package io.citytwin.geo.layer;

/** Points of interest an operations centre cares about, with the OSM tag each comes from. */
public enum PoiKind {
  HOSPITAL("amenity", "hospital"),
  CLINIC("amenity", "clinic"),
  DOCTORS("amenity", "doctors"),
  PHARMACY("amenity", "pharmacy"),
  FIRE_STATION("amenity", "fire_station"),
  POLICE("amenity", "police"),
  SCHOOL("amenity", "school"),
  KINDERGARTEN("amenity", "kindergarten"),
  UNIVERSITY("amenity", "university"),
  TOWNHALL("amenity", "townhall"),
  SHELTER("amenity", "shelter"),
  ASSEMBLY_POINT("emergency", "assembly_point");

  private final String osmKey;
  private final String osmValue;

  PoiKind(String osmKey, String osmValue) {
    this.osmKey = osmKey;
    this.osmValue = osmValue;
  }

  public String osmKey() {
    return osmKey;
  }

  public String osmValue() {
    return osmValue;
  }

  /** Lower-case name used in the API and files, e.g. {@code fire_station}. */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
