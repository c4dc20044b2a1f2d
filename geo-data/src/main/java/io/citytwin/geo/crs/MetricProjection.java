package io.citytwin.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Converts between WGS84 longitude/latitude (EPSG:4326, axis order lon,lat as in GeoJSON) and the
 * local UTM zone (metres), so areas, distances and buffers are computed in a metric CRS. Immutable
 * and thread-safe: proj4j transforms are not, so each call creates its own transform pair lazily
 * per thread.
 */
public final class MetricProjection {
  private static final CRSFactory CRS = new CRSFactory();
  private static final CoordinateTransformFactory CTF = new CoordinateTransformFactory();

  private final int zone;
  private final boolean north;
  private final ThreadLocal<CoordinateTransform[]> transforms;

  private MetricProjection(int zone, boolean north) {
    this.zone = zone;
    this.north = north;
    this.transforms = ThreadLocal.withInitial(this::createTransforms);
  }

  /** The UTM zone containing the given WGS84 position. */
  public static MetricProjection utmFor(double lon, double lat) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lat) > 84 || Math.abs(lon) > 180) {
      throw new IllegalArgumentException("no UTM zone for lon=" + lon + " lat=" + lat);
    }
    int zone = (int) Math.floor((lon + 180) / 6) % 60 + 1;
    return new MetricProjection(zone, lat >= 0);
  }

  /** EPSG code of the metric CRS, e.g. {@code EPSG:32632} for UTM 32N. */
  public String epsg() {
    return "EPSG:" + ((north ? 32600 : 32700) + zone);
  }

  private CoordinateTransform[] createTransforms() {
    // From parameters, not by name: EPSG lookups need the separate proj4j-epsg data jar.
    CoordinateReferenceSystem wgs =
        CRS.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");
    CoordinateReferenceSystem utm =
        CRS.createFromParameters(
            epsg(), "+proj=utm +zone=" + zone + (north ? "" : " +south") + " +datum=WGS84 +units=m +no_defs");
    return new CoordinateTransform[] {CTF.createTransform(wgs, utm), CTF.createTransform(utm, wgs)};
  }

  /** WGS84 lon/lat to metric x/y. */
  public Coordinate toMetric(Coordinate lonLat) {
    return apply(transforms.get()[0], lonLat);
  }

  /** Metric x/y back to WGS84 lon/lat. */
  public Coordinate toWgs84(Coordinate xy) {
    return apply(transforms.get()[1], xy);
  }

  /** A copy of a WGS84 geometry in metric coordinates. */
  public Geometry toMetric(Geometry lonLat) {
    return transform(lonLat, transforms.get()[0]);
  }

  /** A copy of a metric geometry in WGS84 coordinates. */
  public Geometry toWgs84(Geometry xy) {
    return transform(xy, transforms.get()[1]);
  }

  /** Area of a WGS84 geometry in square metres. */
  public double areaM2(Geometry lonLat) {
    return toMetric(lonLat).getArea();
  }

  /** Length of a WGS84 geometry in metres. */
  public double lengthM(Geometry lonLat) {
    return toMetric(lonLat).getLength();
  }

  /** Distance in metres between two WGS84 positions, in the metric CRS. */
  public double distanceM(double lon1, double lat1, double lon2, double lat2) {
    return toMetric(new Coordinate(lon1, lat1)).distance(toMetric(new Coordinate(lon2, lat2)));
  }

  private static Coordinate apply(CoordinateTransform t, Coordinate c) {
    ProjCoordinate out = new ProjCoordinate();
    t.transform(new ProjCoordinate(c.x, c.y), out);
    return new Coordinate(out.x, out.y);
  }

  private static Geometry transform(Geometry g, CoordinateTransform t) {
    GeometryFactory gf = g.getFactory();
    return new GeometryTransformer() {
      @Override
      protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
          org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
        Coordinate[] out = new Coordinate[coords.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = apply(t, coords.getCoordinate(i));
        }
        return gf.getCoordinateSequenceFactory().create(out);
      }
    }.transform(g);
  }
}
