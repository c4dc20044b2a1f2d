package io.citytwin.geo.index;

import io.citytwin.geo.layer.District;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-district lookup over an STRtree of prepared district polygons. Built once, then
 * read-only and thread-safe. Districts are assumed not to overlap; on a shared border the first
 * district in input order wins.
 */
public final class DistrictIndex {
  private static final GeometryFactory GF = new GeometryFactory();

  private record Entry(int order, District district, PreparedGeometry prepared) {}

  private final STRtree tree = new STRtree();

  public DistrictIndex(List<District> districts) {
    for (int i = 0; i < districts.size(); i++) {
      District d = districts.get(i);
      tree.insert(
          d.geometry().getEnvelopeInternal(),
          new Entry(i, d, PreparedGeometryFactory.prepare(d.geometry())));
    }
    tree.build();
  }

  /** The district containing (or touching) the WGS84 point, if any. */
  public Optional<District> districtAt(double lon, double lat) {
    Point p = GF.createPoint(new Coordinate(lon, lat));
    Entry best = null;
    for (Object o : tree.query(new Envelope(lon, lon, lat, lat))) {
      Entry e = (Entry) o;
      if ((best == null || e.order < best.order) && e.prepared.covers(p)) {
        best = e;
      }
    }
    return Optional.ofNullable(best).map(Entry::district);
  }

  /** The district containing the geometry's interior point (robust for concave footprints). */
  public Optional<District> districtOf(Geometry g) {
    Coordinate c = g.getInteriorPoint().getCoordinate();
    return c == null ? Optional.empty() : districtAt(c.x, c.y);
  }
}
