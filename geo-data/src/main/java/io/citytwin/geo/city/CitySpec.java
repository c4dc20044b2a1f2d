package io.citytwin.geo.city;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What to import for one city, as written in {@code city.json}. File names are relative to the
 * spec's own directory (or classpath folder). Parsed by {@link CitySpecs}; unknown keys are
 * rejected so that a typo does not silently drop a setting.
 *
 * @param name display name
 * @param osm OSM file ({@code .osm.pbf}, {@code .osm}, {@code .osm.gz})
 * @param boundaryRelation OSM relation id of the city outline; {@code null} picks the largest
 *     complete {@code admin_level=8} boundary, else the data bbox
 * @param districts district polygons (GeoJSON), or {@code null} to use admin_level 9/10 relations
 * @param population population total and where it comes from, or {@code null} to use the
 *     boundary relation's {@code population} tag
 * @param attribution licence text shown with every layer
 */
public record CitySpec(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String osm,
    Long boundaryRelation,
    Districts districts,
    PopulationTotal population,
    @JsonProperty(required = true) String attribution) {

  /**
   * A GeoJSON district file.
   *
   * @param file GeoJSON FeatureCollection of (Multi)Polygons
   * @param nameProperty property holding the district name
   * @param codeProperty property holding the official code, or {@code null}
   */
  public record Districts(
      @JsonProperty(required = true) String file,
      @JsonProperty(required = true) String nameProperty,
      String codeProperty) {}

  /**
   * @param total residents
   * @param source citation for the figure
   */
  public record PopulationTotal(
      @JsonProperty(required = true) int total, @JsonProperty(required = true) String source) {}
}
