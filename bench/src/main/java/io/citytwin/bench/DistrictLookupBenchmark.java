package io.citytwin.bench;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.DistrictIndex;
import io.citytwin.geo.layer.District;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
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
 * Point to district on the demo city: the {@link DistrictIndex} (STRtree + prepared polygons)
 * against two baselines over the same random points in the city's bounding box: a plain
 * point-in-polygon test over every district, and prepared polygons without the tree.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DistrictLookupBenchmark {
  private static final int POINTS = 4096;
  private static final GeometryFactory GF = new GeometryFactory();

  private List<District> districts;
  private PreparedGeometry[] prepared;
  private DistrictIndex index;
  private Point[] points;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    CityModel city = BenchCity.model();
    districts = city.districts();
    prepared = districts.stream().map(d -> PreparedGeometryFactory.prepare(d.geometry())).toArray(PreparedGeometry[]::new);
    index = new DistrictIndex(districts);
    Envelope box = city.boundary().getEnvelopeInternal();
    Random rnd = new Random(42);
    points = new Point[POINTS];
    for (int i = 0; i < POINTS; i++) {
      points[i] =
          GF.createPoint(
              new Coordinate(
                  box.getMinX() + rnd.nextDouble() * box.getWidth(),
                  box.getMinY() + rnd.nextDouble() * box.getHeight()));
    }
  }

  private Point nextPoint() {
    return points[next++ & (POINTS - 1)];
  }

  /** Baseline: covers() on every raw district polygon. */
  @Benchmark
  public District bruteForce() {
    Point p = nextPoint();
    for (District d : districts) {
      if (d.geometry().covers(p)) {
        return d;
      }
    }
    return null;
  }

  /** Prepared polygons, but every district tested (no spatial index). */
  @Benchmark
  public District preparedScan() {
    Point p = nextPoint();
    for (int i = 0; i < prepared.length; i++) {
      if (prepared[i].covers(p)) {
        return districts.get(i);
      }
    }
    return null;
  }

  /** The real thing: STRtree candidates, then prepared covers(). */
  @Benchmark
  public District districtIndex() {
    Point p = nextPoint();
    return index.districtAt(p.getX(), p.getY()).orElse(null);
  }
}
