package io.citytwin.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.testing.MonacoCity;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.GreatCircle;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.Snap;
import io.citytwin.geo.road.TravelMode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Spatial queries and routing on the real demo city. Expected values come from the OSM data, not
 * from this code: the two fire stations are OSM nodes n1866523017 "Centre de secours principal de
 * la Condamine" (7.4216832, 43.7323914, Avenue du Port) and n1866465411 "Centre de secours
 * secondaire de Fontvieille" (7.4177772, 43.7279297, Place du Campanin). From Port Hercule
 * (7.4235, 43.7351) they are about 335 m and 920 m away in a straight line (haversine), and the
 * Fontvieille station lies behind the Rock of Monaco, so La Condamine is nearest by any measure.
 */
class MonacoCityIndexIT {
  private static final double PORT_LON = 7.4235;
  private static final double PORT_LAT = 43.7351;
  /** The Prince's Palace (OSM r393226), a point in its main courtyard wing. */
  private static final double PALACE_LON = 7.4203;
  private static final double PALACE_LAT = 43.7312;
  /** Casino de Monte-Carlo, OSM n4416197079. */
  private static final double CASINO_LON = 7.4280230;
  private static final double CASINO_LAT = 43.7391605;

  private static CityModel monaco;
  private static CityIndex index;
  private static Router router;

  @BeforeAll
  static void load() {
    monaco = MonacoCity.model();
    index = new CityIndex(monaco);
    router = index.router();
  }

  @Test
  void princesPalaceLiesInMonacoVille() {
    assertThat(index.districtAt(PALACE_LON, PALACE_LAT).map(District::name)).contains("Monaco-Ville");
  }

  @Test
  void portHerculeLiesInLaCondamine() {
    assertThat(index.districtAt(PORT_LON, PORT_LAT).map(District::name)).contains("La Condamine");
  }

  @Test
  void nearestFireStationToPortHerculeIsLaCondamine() {
    List<CityIndex.PoiHit> hits = index.nearestPois(PORT_LON, PORT_LAT, PoiKind.FIRE_STATION, 2);
    assertThat(hits).extracting(h -> h.poi().id()).containsExactly("poi/n1866523017", "poi/n1866465411");
    assertThat(hits.get(0).poi().name()).contains("Condamine");
    assertThat(hits.get(0).distanceM()).isCloseTo(335, within(5.0));
    assertThat(hits.get(1).distanceM()).isCloseTo(920, within(10.0));
  }

  @Test
  void firstEngineAtPortHerculeComesFromLaCondamineByRoad() {
    Snap port = router.snap(PORT_LON, PORT_LAT, TravelMode.CAR).orElseThrow();
    assertThat(port.distanceM()).isLessThan(100);
    List<Poi> stations = monaco.pois().stream().filter(p -> p.kind() == PoiKind.FIRE_STATION).toList();
    List<Integer> nodes =
        stations.stream()
            .map(p -> router.snap(p.location().getX(), p.location().getY(), TravelMode.CAR).orElseThrow().node())
            .toList();
    Route engine =
        router.nearestOriginByTravelTime(nodes, port.node(), TravelMode.CAR, RoadClosures.none()).orElseThrow();
    Poi first = stations.get(nodes.indexOf(engine.from()));
    assertThat(first.id()).isEqualTo("poi/n1866523017");
    assertThat(engine.lengthM()).isGreaterThanOrEqualTo(straight(engine));
    // Urban free-flow driving: somewhere between walking pace and 90 km/h on average.
    assertThat(engine.lengthM() / engine.travelTimeS()).isBetween(1.34, 25.0);
  }

  @Test
  void drivingFromTheCondamineStationToTheCasinoIsBoundedByTheStraightLine() {
    Route r = route(7.4216832, 43.7323914, CASINO_LON, CASINO_LAT, TravelMode.CAR, Cost.TIME);
    double straight = straight(r);
    assertThat(straight).isGreaterThan(800); // about 0.9 km across the harbour
    assertThat(r.lengthM()).isBetween(straight, 3 * straight);
    assertGeometryFollowsTheRoute(r);
  }

  @Test
  void walkingFromThePalaceToTheCasinoIsBoundedByTheStraightLine() {
    Route r = route(PALACE_LON, PALACE_LAT, CASINO_LON, CASINO_LAT, TravelMode.FOOT, Cost.DISTANCE);
    double straight = straight(r);
    assertThat(straight).isGreaterThan(1000);
    assertThat(r.lengthM()).isBetween(straight, 3 * straight);
    assertThat(r.travelTimeS()).isCloseTo(r.lengthM() / Router.WALKING_SPEED_MPS, within(1e-6));
    assertGeometryFollowsTheRoute(r);
  }

  @Test
  void aHazardAcrossTheRouteForcesADetourThatAvoidsIt() {
    Route before = route(7.4216832, 43.7323914, CASINO_LON, CASINO_LAT, TravelMode.CAR, Cost.TIME);
    RoadGraph.Edge middle = monaco.roads().edges().get(before.edges().get(before.edges().size() / 2));
    Coordinate c = middle.geometry().getCoordinateN(0);
    Geometry hazard = new GeometryFactory().createPoint(c).buffer(0.0004); // ~35-45 m radius
    RoadClosures closed = RoadClosures.intersecting(monaco.roads(), hazard);
    assertThat(closed.isClosed(middle.index())).isTrue();

    // The hazard sits on the Rond-Point Sainte-Devote; Monaco has other ways up to Monte-Carlo.
    Route after = router.route(before.from(), before.to(), TravelMode.CAR, Cost.TIME, closed).orElseThrow();
    assertThat(after.edges()).noneMatch(closed::isClosed);
    assertThat(after.travelTimeS()).isGreaterThan(before.travelTimeS());
    assertThat(after.geometry().intersects(hazard)).isFalse();
    assertThat(before.geometry().intersects(hazard)).isTrue();
  }

  @Test
  void aStarAndDijkstraAgreeOnRandomMonacoTrips() {
    java.util.Random rnd = new java.util.Random(3);
    int n = monaco.roads().nodes().size();
    int found = 0;
    for (int i = 0; i < 100; i++) {
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n);
      for (TravelMode mode : TravelMode.values()) {
        for (Cost cost : Cost.values()) {
          var fast = router.route(a, b, mode, cost, RoadClosures.none());
          var ref = router.routeDijkstra(a, b, mode, cost, RoadClosures.none());
          assertThat(fast.isPresent()).isEqualTo(ref.isPresent());
          if (fast.isPresent()) {
            found++;
            assertThat(fast.get().cost()).isCloseTo(ref.get().cost(), within(1e-6));
            assertThat(fast.get().lengthM()).isGreaterThanOrEqualTo(straight(fast.get()) * (1 - 1e-9));
            assertThat(router.lowerBound(a, b, mode, cost)).isLessThanOrEqualTo(fast.get().cost());
          }
        }
      }
    }
    assertThat(found).isGreaterThan(200); // most random node pairs are connected on foot
  }

  private static Route route(double lon1, double lat1, double lon2, double lat2, TravelMode mode, Cost cost) {
    Snap a = router.snap(lon1, lat1, mode).orElseThrow();
    Snap b = router.snap(lon2, lat2, mode).orElseThrow();
    assertThat(a.distanceM()).isLessThan(60);
    assertThat(b.distanceM()).isLessThan(60);
    return router.route(a.node(), b.node(), mode, cost).orElseThrow();
  }

  /**
   * Straight-line distance between the route's end nodes, measured in the city's metric CRS like
   * the edge lengths (so no route can be shorter); checked against the great-circle distance.
   */
  private static double straight(Route r) {
    RoadGraph.Node a = monaco.roads().nodes().get(r.from());
    RoadGraph.Node b = monaco.roads().nodes().get(r.to());
    double metric = monaco.projection().distanceM(a.lon(), a.lat(), b.lon(), b.lat());
    double haversine = GreatCircle.distanceM(a.lon(), a.lat(), b.lon(), b.lat());
    assertThat(metric).isCloseTo(haversine, within(haversine * 0.005 + 1e-6));
    return metric;
  }

  private static void assertGeometryFollowsTheRoute(Route r) {
    RoadGraph.Node a = monaco.roads().nodes().get(r.from());
    RoadGraph.Node b = monaco.roads().nodes().get(r.to());
    assertThat(r.geometry().getStartPoint().getX()).isEqualTo(a.lon());
    assertThat(r.geometry().getEndPoint().getY()).isEqualTo(b.lat());
    assertThat(monaco.projection().lengthM(r.geometry())).isCloseTo(r.lengthM(), within(r.lengthM() * 0.01));
  }
}
