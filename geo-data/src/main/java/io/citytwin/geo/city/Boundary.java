package io.citytwin.geo.city;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmGeometry;
import io.citytwin.geo.osm.OsmRelation;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The outline a city is clipped to, and how it was found.
 *
 * @param geometry WGS84 (multi)polygon
 * @param relation the boundary relation, when the outline is one
 * @param description human-readable origin, e.g. {@code "relation r2220322 (Monaco)"}
 */
record Boundary(Geometry geometry, Optional<OsmRelation> relation, String description) {

  /**
   * The configured relation, or (when {@code relationId} is null) the largest complete
   * {@code admin_level=8} boundary, or else the bbox of all nodes. Fallbacks are reported in
   * {@code warnings} with the prefix {@code "boundary: "}.
   *
   * @throws GisInputException when the configured relation is missing or does not form an area
   */
  static Boundary resolve(OsmData osm, Long relationId, GeometryFactory gf, List<String> warnings) {
    OsmGeometry geo = new OsmGeometry(osm, gf);
    if (relationId != null) {
      OsmRelation r = osm.relations().stream().filter(x -> x.id() == relationId).findFirst()
          .orElseThrow(() -> new GisInputException(osm.source(),
              "boundary relation r" + relationId + " is not in the file"));
      try {
        return new Boundary(geo.area(r), Optional.of(r), describe(r));
      } catch (IllegalArgumentException e) {
        throw new GisInputException(osm.source(), "boundary relation r" + relationId
            + " cannot be assembled into an area: " + e.getMessage());
      }
    }
    Boundary best = null;
    double bestArea = 0;
    for (OsmRelation r : osm.relations()) {
      if (!"administrative".equals(r.tags().get("boundary")) || !"8".equals(r.tags().get("admin_level"))) {
        continue;
      }
      try {
        Geometry g = geo.area(r);
        if (g.getArea() > bestArea) {
          bestArea = g.getArea();
          best = new Boundary(g, Optional.of(r), describe(r));
        }
      } catch (IllegalArgumentException e) {
        // incomplete in this extract: not a candidate
      }
    }
    if (best != null) {
      warnings.add("boundary: no boundary relation configured; using the largest complete "
          + "admin_level=8 boundary, " + best.description());
      return best;
    }
    Envelope e = osm.dataBounds();
    warnings.add("boundary: no boundary relation configured and no complete admin_level=8 "
        + "boundary in the file; using the data bbox " + e.getMinX() + "," + e.getMinY() + " to "
        + e.getMaxX() + "," + e.getMaxY());
    return new Boundary(gf.toGeometry(e), Optional.empty(), "data bbox");
  }

  private static String describe(OsmRelation r) {
    String name = r.tags().get("name");
    return "relation r" + r.id() + (name == null ? "" : " (" + name + ")");
  }
}
