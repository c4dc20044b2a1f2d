package io.citytwin.geo.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmFiles;
import io.citytwin.geo.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Testville: Main Street (w200, residential, two-way) runs 10 -> 11 -> 12, One Way (w201,
 * tertiary, oneway, 2 lanes, 40 km/h) leaves the junction 11 northwards to 13, a footway (w202)
 * runs 12 -> 14 and a primary road (w203) lies outside the town.
 */
class RoadGraphBuilderTest {
  private static final OsmData TOWN = OsmFiles.read(Fixtures.path("osm/testville.osm"));
  private static final MetricProjection UTM = MetricProjection.utmFor(7.005, 45.005);
  private static final Envelope INSIDE = new Envelope(7.0, 7.01, 45.0, 45.01);

  private final RoadGraph graph = new RoadGraphBuilder(TOWN, UTM, INSIDE::covers, new GeometryFactory()).build();

  @Test
  void splitsMainStreetAtTheJunctionAndKeepsOnlyRoadsInsideTheTown() {
    assertThat(graph.nodes()).extracting(RoadGraph.Node::osmId).containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L);
    assertThat(graph.edges()).extracting(e -> osm(e.from()) + ">" + osm(e.to()) + " w" + e.wayId())
        .containsExactlyInAnyOrder(
            "10>11 w200", "11>10 w200", "11>12 w200", "12>11 w200",
            "11>13 w201", "13>11 w201",
            "12>14 w202", "14>12 w202");
  }

  @Test
  void oneWayStreetCarriesCarsForwardOnlyButPedestriansBothWays() {
    RoadGraph.Edge forward = edge(11, 13);
    RoadGraph.Edge backward = edge(13, 11);
    assertThat(forward.car()).isTrue();
    assertThat(forward.foot()).isTrue();
    assertThat(forward.lanes()).isEqualTo(2);
    assertThat(forward.speedKmh()).isEqualTo(40);
    assertThat(forward.capacityVehPerHour()).isEqualTo(2 * 800);
    assertThat(forward.name()).isEqualTo("One Way");
    assertThat(backward.car()).isFalse();
    assertThat(backward.foot()).isTrue();
    assertThat(backward.capacityVehPerHour()).isZero();
    assertThat(backward.geometry().getCoordinateN(0)).isEqualTo(forward.geometry().getCoordinateN(1));
  }

  @Test
  void twoWayResidentialUsesClassDefaultsAndMetricLength() {
    RoadGraph.Edge e = edge(10, 11);
    assertThat(e.car()).isTrue();
    assertThat(e.lanes()).isEqualTo(1);
    assertThat(e.speedKmh()).isEqualTo(30);
    assertThat(e.capacityVehPerHour()).isEqualTo(500);
    // 0.003 degrees of longitude at 45 N: 0.003 * 111,320 m * cos(45) = 236 m
    assertThat(e.lengthM()).isCloseTo(236.1, within(1.0));
    assertThat(edge(11, 10).lengthM()).isEqualTo(e.lengthM());
  }

  @Test
  void footwayIsForPedestriansOnly() {
    assertThat(List.of(edge(12, 14), edge(14, 12))).allSatisfy(e -> {
      assertThat(e.car()).isFalse();
      assertThat(e.foot()).isTrue();
      assertThat(e.capacityVehPerHour()).isZero();
      assertThat(e.speedKmh()).isEqualTo(HighwayClass.WALKING_SPEED_KMH);
    });
  }

  @Test
  void adjacencyListsTheJunctionsOutgoingEdges() {
    int junction = graph.nodes().stream().filter(n -> n.osmId() == 11).findFirst().orElseThrow().index();
    assertThat(graph.outDegree(junction)).isEqualTo(3);
  }

  @Test
  void keepingEverythingAddsTheOutsideRoad() {
    RoadGraph all = new RoadGraphBuilder(TOWN, UTM, c -> true, new GeometryFactory()).build();
    assertThat(all.edges()).hasSize(graph.edges().size() + 2);
  }

  @Test
  void directionRulesFollowOsmConventions() {
    HighwayClass residential = HighwayClass.of("residential").orElseThrow();
    HighwayClass motorway = HighwayClass.of("motorway").orElseThrow();
    assertThat(WayAttributes.direction(residential, Map.of("oneway", "yes"))).isEqualTo(1);
    assertThat(WayAttributes.direction(residential, Map.of("oneway", "true"))).isEqualTo(1);
    assertThat(WayAttributes.direction(residential, Map.of("oneway", "1"))).isEqualTo(1);
    assertThat(WayAttributes.direction(residential, Map.of("oneway", "-1"))).isEqualTo(-1);
    assertThat(WayAttributes.direction(residential, Map.of("junction", "roundabout"))).isEqualTo(1);
    assertThat(WayAttributes.direction(residential, Map.of())).isZero();
    assertThat(WayAttributes.direction(motorway, Map.of())).isEqualTo(1);
    assertThat(WayAttributes.direction(motorway, Map.of("oneway", "no"))).isZero();
    assertThat(HighwayClass.of("platform")).isEmpty();
    assertThat(HighwayClass.of("steps").orElseThrow().car()).isFalse();
    assertThat(motorway.foot()).isFalse();
  }

  @Test
  void speedFromMaxspeedOrClassDefault() {
    HighwayClass primary = HighwayClass.of("primary").orElseThrow();
    assertThat(WayAttributes.speed(primary, "70")).isEqualTo(70);
    assertThat(WayAttributes.speed(primary, "30 mph")).isCloseTo(48.28, within(0.01));
    assertThat(WayAttributes.speed(primary, "FR:urban")).isEqualTo(50);
    assertThat(WayAttributes.speed(primary, null)).isEqualTo(50);
  }

  private long osm(int node) {
    return graph.nodes().get(node).osmId();
  }

  private RoadGraph.Edge edge(long fromOsm, long toOsm) {
    return graph.edges().stream().filter(e -> osm(e.from()) == fromOsm && osm(e.to()) == toOsm)
        .findFirst().orElseThrow();
  }
}
