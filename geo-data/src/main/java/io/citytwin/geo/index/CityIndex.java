package io.citytwin.geo.index;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.Snap;
import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Spatial queries over one {@link CityModel}: point to district, buildings and POIs in an area or
 * within a radius, k-nearest POIs of a kind, nearest road node, plus the city's {@link Router}.
 *
 * <p>Inputs and outputs are WGS84 lon/lat. Distances and radii are metres measured in the model's
 * {@link MetricProjection} (UTM, whose scale error is below 0.1 % inside its zone). Area queries
 * are evaluated in WGS84 against the given geometry. Built once (STRtrees, projected copies of
 * every footprint); then immutable and thread-safe.
 */
public final class CityIndex {
  private static final GeometryFactory GF = new GeometryFactory();

  /** A POI with its distance in metres from the query point. */
  public record PoiHit(Poi poi, double distanceM) {}

  /** A building with the distance in metres from the query point to its footprint (0 inside). */
  public record BuildingHit(Building building, double distanceM) {}

  /** A feature with its WGS84 and metric geometry. */
  private record Entry<T>(int order, T feature, Geometry wgs84, Geometry metric) {}

  private static final ItemDistance METRIC_DISTANCE =
      (ItemBoundable a, ItemBoundable b) ->
          ((Entry<?>) a.getItem()).metric().distance(((Entry<?>) b.getItem()).metric());

  private final CityModel model;
  private final MetricProjection projection;
  private final DistrictIndex districts;
  private final Router router;
  private final Layer<Building> buildings;
  private final Layer<Poi> pois;
  private final Map<PoiKind, Layer<Poi>> poisByKind = new EnumMap<>(PoiKind.class);

  public CityIndex(CityModel model) {
    this.model = model;
    this.projection = model.projection();
    this.districts = new DistrictIndex(model.districts());
    this.router = new Router(model.roads());
    this.buildings = new Layer<>(model.buildings(), Building::footprint, projection);
    this.pois = new Layer<>(model.pois(), Poi::location, projection);
    for (PoiKind kind : PoiKind.values()) {
      List<Poi> ofKind = model.pois().stream().filter(p -> p.kind() == kind).toList();
      poisByKind.put(kind, new Layer<>(ofKind, Poi::location, projection));
    }
  }

  public CityModel model() {
    return model;
  }

  /** Shortest paths and snapping on the city's road graph. */
  public Router router() {
    return router;
  }

  /** The district containing the WGS84 point, if any (see {@link DistrictIndex}). */
  public Optional<District> districtAt(double lon, double lat) {
    return districts.districtAt(lon, lat);
  }

  /** Buildings whose footprint intersects the WGS84 area, in model order. */
  public List<Building> buildingsIntersecting(Geometry areaWgs84) {
    return buildings.intersecting(areaWgs84);
  }

  /** POIs lying in or on the boundary of the WGS84 area, in model order. */
  public List<Poi> poisWithin(Geometry areaWgs84) {
    return pois.intersecting(areaWgs84);
  }

  /** Buildings with any part within {@code radiusM} metres of the point, nearest first. */
  public List<BuildingHit> buildingsWithinRadius(double lon, double lat, double radiusM) {
    return buildings.withinRadius(metricPoint(lon, lat), radiusM).stream()
        .map(h -> new BuildingHit(h.entry().feature(), h.distanceM()))
        .toList();
  }

  /** POIs within {@code radiusM} metres of the point, nearest first. */
  public List<PoiHit> poisWithinRadius(double lon, double lat, double radiusM) {
    return pois.withinRadius(metricPoint(lon, lat), radiusM).stream()
        .map(h -> new PoiHit(h.entry().feature(), h.distanceM()))
        .toList();
  }

  /** The {@code k} POIs of a kind nearest to the point by straight-line distance, nearest first. */
  public List<PoiHit> nearestPois(double lon, double lat, PoiKind kind, int k) {
    return poisByKind.get(kind).nearest(metricPoint(lon, lat), k).stream()
        .map(h -> new PoiHit(h.entry().feature(), h.distanceM()))
        .toList();
  }

  /** The nearest routable road node for the mode (see {@link Router#snap}). */
  public Optional<Snap> nearestRoadNode(double lon, double lat, TravelMode mode) {
    return router.snap(lon, lat, mode);
  }

  private Point metricPoint(double lon, double lat) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      throw new IllegalArgumentException("not a position: lon=" + lon + " lat=" + lat);
    }
    return GF.createPoint(projection.toMetric(new Coordinate(lon, lat)));
  }

  private record Hit<T>(Entry<T> entry, double distanceM) {}

  /** One layer: an STRtree in WGS84 for area queries and one in metres for distance queries. */
  private static final class Layer<T> {
    private final STRtree wgs84 = new STRtree();
    private final STRtree metric = new STRtree();
    private final int size;

    Layer(List<T> features, Function<T, Geometry> geometry, MetricProjection projection) {
      this.size = features.size();
      for (int i = 0; i < features.size(); i++) {
        T f = features.get(i);
        Geometry g = geometry.apply(f);
        Entry<T> e = new Entry<>(i, f, g, projection.toMetric(g));
        wgs84.insert(g.getEnvelopeInternal(), e);
        metric.insert(e.metric().getEnvelopeInternal(), e);
      }
      wgs84.build();
      metric.build();
    }

    List<T> intersecting(Geometry area) {
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
      List<Entry<T>> found = new ArrayList<>();
      for (Entry<T> e : this.<Entry<T>>query(wgs84, area.getEnvelopeInternal())) {
        if (prepared.intersects(e.wgs84())) {
          found.add(e);
        }
      }
      found.sort(Comparator.comparingInt(Entry::order));
      return found.stream().map(Entry::feature).toList();
    }

    List<Hit<T>> withinRadius(Point centre, double radiusM) {
      if (!(radiusM >= 0) || Double.isInfinite(radiusM)) {
        throw new IllegalArgumentException("radius must be a finite number of metres >= 0: " + radiusM);
      }
      Envelope env = centre.getEnvelopeInternal();
      env.expandBy(radiusM);
      List<Hit<T>> hits = new ArrayList<>();
      for (Entry<T> e : this.<Entry<T>>query(metric, env)) {
        double d = e.metric().distance(centre);
        if (d <= radiusM) {
          hits.add(new Hit<>(e, d));
        }
      }
      hits.sort(Comparator.<Hit<T>>comparingDouble(Hit::distanceM)
          .thenComparingInt(h -> h.entry().order()));
      return hits;
    }

    List<Hit<T>> nearest(Point centre, int k) {
      if (k < 0) {
        throw new IllegalArgumentException("k must be >= 0: " + k);
      }
      if (k == 0 || size == 0) {
        return List.of();
      }
      Entry<T> probe = new Entry<>(-1, null, centre, centre);
      Object[] items =
          metric.nearestNeighbour(centre.getEnvelopeInternal(), probe, METRIC_DISTANCE, Math.min(k, size));
      List<Hit<T>> hits = new ArrayList<>(items.length);
      for (Object o : items) {
        @SuppressWarnings("unchecked")
        Entry<T> e = (Entry<T>) o;
        hits.add(new Hit<>(e, e.metric().distance(centre)));
      }
      hits.sort(Comparator.<Hit<T>>comparingDouble(Hit::distanceM)
          .thenComparingInt(h -> h.entry().order()));
      return hits;
    }

    @SuppressWarnings("unchecked")
    private <E> List<E> query(STRtree tree, Envelope env) {
      return (List<E>) tree.query(env);
    }
  }
}
