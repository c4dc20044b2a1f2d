package io.citytwin.geo.city;

import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.road.RoadGraph;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * What an import produced, for {@code citytwin import FILE...}: feature counts per layer, extent,
 * coordinate systems, where the boundary came from and the warnings. Immutable.
 *
 * @param city city name
 * @param counts layer name to feature count (districts, road nodes, road edges, car edges, foot
 *     edges, buildings, residential buildings, pois, residents)
 * @param poiCounts POI kind (API name) to count
 * @param bbox boundary extent in lon/lat
 * @param inputCrs CRS of the input and of all layers
 * @param metricCrs CRS used for areas and lengths
 * @param boundarySource how the city outline was found
 * @param areaKm2 boundary area in square kilometres
 * @param warnings non-fatal problems
 */
public record ImportSummary(
    String city,
    Map<String, Long> counts,
    Map<String, Long> poiCounts,
    Envelope bbox,
    String inputCrs,
    String metricCrs,
    String boundarySource,
    double areaKm2,
    List<String> warnings) {

  private static final String BOUNDARY_PREFIX = "boundary: ";

  /** Summarises an imported model. */
  public static ImportSummary of(CityModel m) {
    RoadGraph r = m.roads();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("districts", (long) m.districts().size());
    counts.put("road nodes", (long) r.nodes().size());
    counts.put("road edges", (long) r.edges().size());
    counts.put("car edges", r.edges().stream().filter(RoadGraph.Edge::car).count());
    counts.put("foot edges", r.edges().stream().filter(RoadGraph.Edge::foot).count());
    counts.put("buildings", (long) m.buildings().size());
    counts.put("residential buildings", m.buildings().stream().filter(b -> b.use().residential()).count());
    counts.put("pois", (long) m.pois().size());
    counts.put("residents", (long) m.population().total());
    Map<String, Long> pois = new TreeMap<>();
    for (Poi p : m.pois()) {
      pois.merge(p.kind().apiName(), 1L, Long::sum);
    }
    String boundary = m.warnings().stream().filter(w -> w.startsWith(BOUNDARY_PREFIX))
        .map(w -> w.substring(BOUNDARY_PREFIX.length())).findFirst()
        .orElse("the configured boundary relation of " + m.name());
    return new ImportSummary(m.name(), Collections.unmodifiableMap(counts),
        Collections.unmodifiableMap(pois),
        m.boundary().getEnvelopeInternal(), "EPSG:4326 (WGS84 lon/lat)", m.projection().epsg(),
        boundary, m.projection().areaM2(m.boundary()) / 1e6, m.warnings());
  }

  /** Plain-text report, one fact per line. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("City: ").append(city).append('\n');
    sb.append("Boundary: ").append(boundarySource)
        .append(String.format(Locale.ROOT, ", %.3f km²%n", areaKm2));
    sb.append(String.format(Locale.ROOT, "Extent: %.6f,%.6f to %.6f,%.6f (lon/lat)%n",
        bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY()));
    sb.append("CRS: input and layers ").append(inputCrs).append("; metric ").append(metricCrs).append('\n');
    sb.append("Layers:\n");
    for (String k : List.of("districts", "road nodes", "road edges", "car edges", "foot edges",
        "buildings", "residential buildings", "pois", "residents")) {
      sb.append(String.format(Locale.ROOT, "  %-22s %,d%n", k, counts.getOrDefault(k, 0L)));
    }
    if (!poiCounts.isEmpty()) {
      sb.append("Points of interest:\n");
      poiCounts.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-22s %,d%n", k, v)));
    }
    sb.append(warnings.isEmpty() ? "Warnings: none\n" : "Warnings:\n");
    warnings.forEach(w -> sb.append("  - ").append(w).append('\n'));
    return sb.toString();
  }
}
