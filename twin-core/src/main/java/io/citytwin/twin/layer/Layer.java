package io.citytwin.twin.layer;

import io.citytwin.twin.cim.EntityType;
import java.util.Locale;
import java.util.Optional;

/** The map layers the twin serves, each drawn from one entity type of the CIM. */
public enum Layer {
  DISTRICTS(EntityType.DISTRICT, "Districts", "Polygon", false),
  ROADS(EntityType.ROAD, "Roads", "LineString", false),
  BUILDINGS(EntityType.BUILDING, "Buildings", "Polygon", false),
  POIS(EntityType.POI, "Points of interest", "Point", false),
  /** Residents per district, from the synthetic population model: modelled, not observed. */
  POPULATION(EntityType.DISTRICT, "Population per district (synthetic)", "Polygon", true);

  private final EntityType source;
  private final String title;
  private final String geometryType;
  private final boolean synthetic;

  Layer(EntityType source, String title, String geometryType, boolean synthetic) {
    this.source = source;
    this.title = title;
    this.geometryType = geometryType;
    this.synthetic = synthetic;
  }

  /** The name used in URLs and files, e.g. {@code buildings}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public EntityType source() {
    return source;
  }

  public String title() {
    return title;
  }

  /** Main GeoJSON geometry type of the features (multi-part variants may occur). */
  public String geometryType() {
    return geometryType;
  }

  /** Whether the layer's values are modelled rather than observed. */
  public boolean synthetic() {
    return synthetic;
  }

  /** The layer called {@code apiName}, if any. */
  public static Optional<Layer> byName(String apiName) {
    for (Layer l : values()) {
      if (l.apiName().equals(apiName)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
