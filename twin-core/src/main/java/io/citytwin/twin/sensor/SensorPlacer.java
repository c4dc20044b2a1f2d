package io.citytwin.twin.sensor;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.cim.EntityType;
import io.citytwin.twin.telemetry.Position;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Resolves where a location sits in one city: the district and the building whose outline covers
 * it, and the nearest road segment within a search radius. Each lookup is an STRtree query plus
 * prepared-geometry tests on the few candidates, never a scan.
 *
 * <p>Road distances are metres in the city's {@link MetricProjection}. By default only roads that
 * vehicles may use are candidates ({@link #CAR_ROADS}): the road of a placement is the one a
 * traffic counter counts and the one a crew would drive to, and in a dense old town the nearest
 * way of any kind is usually a footpath or a flight of steps.
 *
 * <p>Built once per city snapshot (tens of milliseconds for Monaco); then immutable and safe to
 * share between threads.
 */
public final class SensorPlacer {
  /** Default road search radius in metres. */
  public static final double DEFAULT_ROAD_RADIUS_M = 100;

  /** Road entities that vehicles may use in at least one direction. */
  public static final Predicate<CityEntity> CAR_ROADS =
      road -> Boolean.TRUE.equals(road.attributes().get("car"));

  /** Every road entity, footways and steps included. */
  public static final Predicate<CityEntity> ALL_ROADS = road -> true;

  private static final GeometryFactory GF = new GeometryFactory();

  private record Area(int order, EntityId id, PreparedGeometry outline) {}

  private record Line(int order, EntityId id, Geometry metric) {}

  private final String cityName;
  private final MetricProjection projection;
  private final PreparedGeometry boundary;
  private final double roadRadiusM;
  private final STRtree districts;
  private final STRtree buildings;
  private final STRtree roads = new STRtree();

  /** A placer with the default radius, snapping to {@link #CAR_ROADS}. */
  public static SensorPlacer of(CitySnapshot city) {
    return new SensorPlacer(city, DEFAULT_ROAD_RADIUS_M, CAR_ROADS);
  }

  /**
   * @param city the city to place on
   * @param roadRadiusM how far to look for a road, metres (finite, at least 0)
   * @param roadFilter which road entities count as roads
   */
  public SensorPlacer(CitySnapshot city, double roadRadiusM, Predicate<CityEntity> roadFilter) {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(roadFilter, "roadFilter");
    if (!(roadRadiusM >= 0) || Double.isInfinite(roadRadiusM)) {
      throw new IllegalArgumentException("road radius must be a finite number of metres >= 0: " + roadRadiusM);
    }
    this.cityName = city.cityName();
    this.projection = city.source().projection();
    this.boundary = PreparedGeometryFactory.prepare(city.source().boundary());
    this.roadRadiusM = roadRadiusM;
    this.districts = areas(city.entities(EntityType.DISTRICT));
    this.buildings = areas(city.entities(EntityType.BUILDING));
    List<CityEntity> roadEntities = city.entities(EntityType.ROAD);
    for (int i = 0; i < roadEntities.size(); i++) {
      CityEntity road = roadEntities.get(i);
      if (roadFilter.test(road)) {
        Geometry metric = projection.toMetric(road.geometry());
        roads.insert(metric.getEnvelopeInternal(), new Line(i, road.id(), metric));
      }
    }
    roads.build();
  }

  private static STRtree areas(List<CityEntity> entities) {
    STRtree tree = new STRtree();
    for (int i = 0; i < entities.size(); i++) {
      CityEntity e = entities.get(i);
      tree.insert(
          e.geometry().getEnvelopeInternal(),
          new Area(i, e.id(), PreparedGeometryFactory.prepare(e.geometry())));
    }
    tree.build();
    return tree;
  }

  public String cityName() {
    return cityName;
  }

  public double roadRadiusM() {
    return roadRadiusM;
  }

  /** Whether the position lies inside (or on) the city boundary. */
  public boolean inCity(Position p) {
    return boundary.covers(point(p));
  }

  /**
   * Where {@code p} sits: covering district and building (the first in model order on a shared
   * border), nearest road within the radius (ties go to the first in model order).
   * {@link Placement#NOWHERE} far out at sea.
   */
  public Placement place(Position p) {
    Point pt = point(p);
    EntityId district = covering(districts, pt);
    EntityId building = covering(buildings, pt);
    Point metric = GF.createPoint(projection.toMetric(new Coordinate(p.lon(), p.lat())));
    Envelope search = metric.getEnvelopeInternal();
    search.expandBy(roadRadiusM);
    Line nearest = null;
    double best = Double.POSITIVE_INFINITY;
    for (Object o : roads.query(search)) {
      Line line = (Line) o;
      double d = line.metric().distance(metric);
      if (d <= roadRadiusM && (d < best || (d == best && line.order() < nearest.order()))) {
        nearest = line;
        best = d;
      }
    }
    return new Placement(
        district, nearest == null ? null : nearest.id(), building, nearest == null ? Double.NaN : best);
  }

  /** The sensor with its placement resolved from its location. */
  public Sensor placed(Sensor sensor) {
    return sensor.withPlacement(place(sensor.location()));
  }

  private static EntityId covering(STRtree tree, Point pt) {
    Area best = null;
    for (Object o : tree.query(pt.getEnvelopeInternal())) {
      Area a = (Area) o;
      if ((best == null || a.order() < best.order()) && a.outline().covers(pt)) {
        best = a;
      }
    }
    return best == null ? null : best.id();
  }

  private static Point point(Position p) {
    return GF.createPoint(new Coordinate(p.lon(), p.lat()));
  }
}
