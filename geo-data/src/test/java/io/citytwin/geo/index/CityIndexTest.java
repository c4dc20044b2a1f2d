package io.citytwin.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.layer.Population;
import io.citytwin.geo.road.GreatCircle;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class CityIndexTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final MetricProjection UTM = MetricProjection.utmFor(7.42, 43.73);

  private static final String WEST = "POLYGON ((7.41 43.72, 7.42 43.72, 7.42 43.74, 7.41 43.74, 7.41 43.72))";
  private static final String EAST = "POLYGON ((7.42 43.72, 7.43 43.72, 7.43 43.74, 7.42 43.74, 7.42 43.72))";
  /** An L-shaped footprint whose corner pokes into the query square below; its bbox centre doesn't. */
  private static final String L_SHAPE =
      "POLYGON ((7.4150 43.7300, 7.4170 43.7300, 7.4170 43.7302, 7.4152 43.7302, 7.4152 43.7320, 7.4150 43.7320, 7.4150 43.7300))";
  private static final String QUERY_SQUARE =
      "POLYGON ((7.4165 43.7295, 7.4180 43.7295, 7.4180 43.7305, 7.4165 43.7305, 7.4165 43.7295))";

  private static Geometry wkt(String s) {
    try {
      return new WKTReader().read(s);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Point point(double lon, double lat) {
    return GF.createPoint(new Coordinate(lon, lat));
  }

  /** Two districts, 300 random small buildings plus the L, 400 random POIs plus two stations. */
  private static CityModel model() {
    Random rnd = new Random(42);
    List<District> districts =
        List.of(
            new District("district/W", "West", "W", wkt(WEST), UTM.areaM2(wkt(WEST))),
            new District("district/E", "East", "E", wkt(EAST), UTM.areaM2(wkt(EAST))));
    List<Building> buildings = new ArrayList<>();
    buildings.add(building("building/L", wkt(L_SHAPE)));
    for (int i = 0; i < 300; i++) {
      double lon = 7.41 + rnd.nextDouble() * 0.02;
      double lat = 43.72 + rnd.nextDouble() * 0.02;
      double w = 0.0001 + rnd.nextDouble() * 0.0003;
      double h = 0.0001 + rnd.nextDouble() * 0.0003;
      buildings.add(
          building(
              "building/w" + i,
              GF.toGeometry(new org.locationtech.jts.geom.Envelope(lon, lon + w, lat, lat + h))));
    }
    List<Poi> pois = new ArrayList<>();
    pois.add(new Poi("poi/n1", PoiKind.FIRE_STATION, "West station", point(7.4120, 43.7250), ""));
    pois.add(new Poi("poi/n2", PoiKind.FIRE_STATION, "East station", point(7.4280, 43.7350), ""));
    PoiKind[] kinds = {PoiKind.PHARMACY, PoiKind.SCHOOL, PoiKind.SHELTER, PoiKind.POLICE};
    for (int i = 0; i < 400; i++) {
      pois.add(
          new Poi(
              "poi/r" + i, kinds[i % kinds.length], "",
              point(7.41 + rnd.nextDouble() * 0.02, 43.72 + rnd.nextDouble() * 0.02), ""));
    }
    RoadGraph roads =
        new RoadGraph(
            List.of(new RoadGraph.Node(0, 1, 7.415, 43.73), new RoadGraph.Node(1, 2, 7.425, 43.73)),
            List.of(
                new RoadGraph.Edge(0, 0, 1, 9, "Rue", "residential", 805, 50, 1, 600, true, true,
                    GF.createLineString(new Coordinate[] {new Coordinate(7.415, 43.73), new Coordinate(7.425, 43.73)}))));
    return new CityModel(
        "Testville", "test data", wkt("POLYGON ((7.41 43.72, 7.43 43.72, 7.43 43.74, 7.41 43.74, 7.41 43.72))"),
        UTM, districts, roads, buildings, pois, new Population(0, "none", Map.of(), Map.of()), List.of());
  }

  private static Building building(String id, Geometry footprint) {
    return new Building(id, "", footprint, BuildingUse.RESIDENTIAL, 3, 9, UTM.areaM2(footprint), "");
  }

  private final CityModel model = model();
  private final CityIndex index = new CityIndex(model);

  @Test
  void pointToDistrict() {
    assertThat(index.districtAt(7.415, 43.73).orElseThrow().name()).isEqualTo("West");
    assertThat(index.districtAt(7.425, 43.73).orElseThrow().name()).isEqualTo("East");
    assertThat(index.districtAt(7.45, 43.73)).isEmpty();
  }

  @Test
  void buildingsIntersectingAnAreaIncludePartialOverlaps() {
    List<String> ids =
        index.buildingsIntersecting(wkt(QUERY_SQUARE)).stream().map(Building::id).toList();
    assertThat(ids).contains("building/L");
    assertThat(ids).isEqualTo(bruteIntersecting(wkt(QUERY_SQUARE)));
  }

  @Test
  void buildingsAndPoisInAreasMatchBruteForce() {
    Random rnd = new Random(7);
    for (int i = 0; i < 50; i++) {
      double lon = 7.405 + rnd.nextDouble() * 0.025;
      double lat = 43.715 + rnd.nextDouble() * 0.025;
      Geometry area = point(lon, lat).buffer(0.0005 + rnd.nextDouble() * 0.004, 6);
      assertThat(index.buildingsIntersecting(area).stream().map(Building::id).toList())
          .isEqualTo(bruteIntersecting(area));
      assertThat(index.poisWithin(area).stream().map(Poi::id).toList())
          .isEqualTo(model.pois().stream().filter(p -> area.covers(p.location())).map(Poi::id).toList());
    }
  }

  private List<String> bruteIntersecting(Geometry area) {
    return model.buildings().stream().filter(b -> b.footprint().intersects(area)).map(Building::id).toList();
  }

  /** Radius search against great-circle distance: identical except within 1 % of the radius. */
  @Test
  void poisWithinRadiusAgreeWithGreatCircleDistance() {
    Random rnd = new Random(11);
    for (int i = 0; i < 40; i++) {
      double lon = 7.41 + rnd.nextDouble() * 0.02;
      double lat = 43.72 + rnd.nextDouble() * 0.02;
      double r = 20 + rnd.nextDouble() * 1500;
      List<CityIndex.PoiHit> hits = index.poisWithinRadius(lon, lat, r);
      List<String> found = hits.stream().map(h -> h.poi().id()).toList();
      for (Poi p : model.pois()) {
        double d = GreatCircle.distanceM(lon, lat, p.location().getX(), p.location().getY());
        if (d < r * 0.99) {
          assertThat(found).contains(p.id());
        } else if (d > r * 1.01) {
          assertThat(found).doesNotContain(p.id());
        }
      }
      for (CityIndex.PoiHit h : hits) {
        double d = GreatCircle.distanceM(lon, lat, h.poi().location().getX(), h.poi().location().getY());
        assertThat(h.distanceM()).isCloseTo(d, within(d * 0.01 + 1e-6));
      }
      assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(CityIndex.PoiHit::distanceM));
    }
  }

  @Test
  void buildingsWithinRadiusMatchBruteForceAndAreNearestFirst() {
    Random rnd = new Random(13);
    for (int i = 0; i < 40; i++) {
      double lon = 7.41 + rnd.nextDouble() * 0.02;
      double lat = 43.72 + rnd.nextDouble() * 0.02;
      double r = rnd.nextDouble() * 400;
      Geometry centre = UTM.toMetric(point(lon, lat));
      List<String> expected =
          model.buildings().stream()
              .filter(b -> UTM.toMetric(b.footprint()).distance(centre) <= r)
              .map(Building::id)
              .sorted()
              .toList();
      List<CityIndex.BuildingHit> hits = index.buildingsWithinRadius(lon, lat, r);
      assertThat(hits.stream().map(h -> h.building().id()).sorted().toList()).isEqualTo(expected);
      assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(CityIndex.BuildingHit::distanceM));
    }
  }

  @Test
  void aPointInsideAFootprintIsAtDistanceZero() {
    List<CityIndex.BuildingHit> hits = index.buildingsWithinRadius(7.4151, 43.7310, 0);
    assertThat(hits).extracting(h -> h.building().id()).contains("building/L");
    assertThat(hits.get(0).distanceM()).isZero();
  }

  @Test
  void nearestFireStationIsTheCloserOne() {
    List<CityIndex.PoiHit> hits = index.nearestPois(7.4140, 43.7260, PoiKind.FIRE_STATION, 1);
    assertThat(hits).extracting(h -> h.poi().name()).containsExactly("West station");
    double d = GreatCircle.distanceM(7.4140, 43.7260, 7.4120, 43.7250);
    assertThat(hits.get(0).distanceM()).isCloseTo(d, within(d * 0.01));
    assertThat(index.nearestPois(7.4140, 43.7260, PoiKind.FIRE_STATION, 5))
        .extracting(h -> h.poi().name())
        .containsExactly("West station", "East station");
    assertThat(index.nearestPois(7.4140, 43.7260, PoiKind.HOSPITAL, 3)).isEmpty();
  }

  @Test
  void kNearestMatchesBruteForce() {
    Random rnd = new Random(17);
    for (int i = 0; i < 40; i++) {
      double lon = 7.40 + rnd.nextDouble() * 0.04;
      double lat = 43.71 + rnd.nextDouble() * 0.04;
      PoiKind kind = PoiKind.values()[rnd.nextInt(PoiKind.values().length)];
      int k = 1 + rnd.nextInt(8);
      List<String> expected =
          model.pois().stream()
              .filter(p -> p.kind() == kind)
              .sorted(Comparator.comparingDouble(p -> UTM.distanceM(lon, lat, p.location().getX(), p.location().getY())))
              .limit(k)
              .map(Poi::id)
              .toList();
      List<CityIndex.PoiHit> hits = index.nearestPois(lon, lat, kind, k);
      assertThat(hits.stream().map(h -> h.poi().id()).toList()).isEqualTo(expected);
      for (CityIndex.PoiHit h : hits) {
        double d = GreatCircle.distanceM(lon, lat, h.poi().location().getX(), h.poi().location().getY());
        assertThat(h.distanceM()).isCloseTo(d, within(d * 0.01 + 1e-6));
      }
    }
  }

  @Test
  void nearestRoadNode() {
    assertThat(index.nearestRoadNode(7.4240, 43.7310, TravelMode.CAR).orElseThrow().node()).isEqualTo(1);
    assertThat(index.nearestRoadNode(7.4140, 43.7310, TravelMode.FOOT).orElseThrow().node()).isEqualTo(0);
  }

  @Test
  void rejectsNonsenseArguments() {
    assertThatThrownBy(() -> index.poisWithinRadius(7.42, 43.73, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
    assertThatThrownBy(() -> index.nearestPois(Double.NaN, 43.73, PoiKind.POLICE, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lon=NaN");
  }
}
