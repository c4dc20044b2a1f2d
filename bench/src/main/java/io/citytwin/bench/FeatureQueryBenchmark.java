package io.citytwin.bench;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link CityIndex} layer queries on the demo city against linear scans over the same data
 * (footprints and POI positions already projected, so the baselines only pay for the scan).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FeatureQueryBenchmark {
  private static final int POINTS = 4096;
  private static final double RADIUS_M = 250;
  private static final GeometryFactory GF = new GeometryFactory();

  private CityModel city;
  private CityIndex index;
  private double[][] positions;
  private Point[] points;
  private Point[] metricPoints;
  private Geometry[] metricPois;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    city = BenchCity.model();
    index = new CityIndex(city);
    Envelope box = city.boundary().getEnvelopeInternal();
    Random rnd = new Random(42);
    positions = new double[POINTS][];
    points = new Point[POINTS];
    metricPoints = new Point[POINTS];
    for (int i = 0; i < POINTS; i++) {
      double lon = box.getMinX() + rnd.nextDouble() * box.getWidth();
      double lat = box.getMinY() + rnd.nextDouble() * box.getHeight();
      positions[i] = new double[] {lon, lat};
      points[i] = GF.createPoint(new Coordinate(lon, lat));
      metricPoints[i] = (Point) city.projection().toMetric(points[i]);
    }
    metricPois = city.pois().stream().map(p -> city.projection().toMetric(p.location())).toArray(Geometry[]::new);
  }

  private int slot() {
    return next++ & (POINTS - 1);
  }

  /** Baseline: which building footprints contain a point, scanning all of them. */
  @Benchmark
  public List<Building> buildingsAtPointScan() {
    Point p = points[slot()];
    List<Building> out = new ArrayList<>();
    for (Building b : city.buildings()) {
      if (b.footprint().intersects(p)) {
        out.add(b);
      }
    }
    return out;
  }

  @Benchmark
  public List<Building> buildingsAtPointIndex() {
    return index.buildingsIntersecting(points[slot()]);
  }

  /** Baseline: POIs within 250 m by metric distance to every POI. */
  @Benchmark
  public List<Poi> poisWithinRadiusScan() {
    Point p = metricPoints[slot()];
    List<Poi> out = new ArrayList<>();
    for (int i = 0; i < metricPois.length; i++) {
      if (metricPois[i].distance(p) <= RADIUS_M) {
        out.add(city.pois().get(i));
      }
    }
    return out;
  }

  /** Includes projecting the query point to UTM (the scan baseline gets it for free). */
  @Benchmark
  public List<CityIndex.PoiHit> poisWithinRadiusIndex() {
    double[] p = positions[slot()];
    return index.poisWithinRadius(p[0], p[1], RADIUS_M);
  }

  @Benchmark
  public List<CityIndex.PoiHit> nearestPharmacy() {
    double[] p = positions[slot()];
    return index.nearestPois(p[0], p[1], PoiKind.PHARMACY, 1);
  }
}
