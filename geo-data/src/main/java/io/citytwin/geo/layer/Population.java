package io.citytwin.geo.layer;

import java.util.Map;

/**
 * The synthetic population layer: residents per building, obtained by sharing the city total over
 * residential floor area. It is synthetic (labelled so wherever it is shown) because no open
 * per-building or per-district population exists for the demo city.
 *
 * @param total city total the shares add up to, exactly
 * @param source where the total came from, e.g. {@code "OSM r2220322 population=39050"}
 * @param residentsByBuilding building id to residents (integers; largest-remainder rounding)
 * @param residentsByDistrict district id to residents
 */
public record Population(
    int total,
    String source,
    Map<String, Integer> residentsByBuilding,
    Map<String, Integer> residentsByDistrict) {

  /** Always true: this layer is modelled, not observed. */
  public boolean synthetic() {
    return true;
  }
}
