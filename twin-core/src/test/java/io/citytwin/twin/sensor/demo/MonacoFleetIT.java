package io.citytwin.twin.sensor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmFiles;
import io.citytwin.geo.osm.OsmRelation;
import io.citytwin.geo.osm.OsmWay;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.cim.EntityType;
import io.citytwin.twin.fixture.MonacoSnapshot;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.sensor.codec.SensorFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The shipped Monaco fleet: reproducible byte for byte, and realistic against the real city.
 *
 * <p>Regenerate the shipped file after a deliberate change to the generator or the city data with
 * {@code mvn -B -q -pl twin-core -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=MonacoFleetIT -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dcitytwin.regenerateFleet=true} and review the diff.
 */
class MonacoFleetIT {
  private static final Path SHIPPED = Path.of("src/main/resources/cities/monaco/sensors.geojson");
  private static final GeometryFactory GF = new GeometryFactory();
  private static final CitySnapshot MONACO = MonacoSnapshot.get();
  private static final CityModel MODEL = MONACO.source();
  private static final MetricProjection UTM = MODEL.projection();
  private static final List<Sensor> FLEET = DemoFleet.generate(MONACO);

  private static List<Sensor> ofKind(SensorKind kind) {
    return FLEET.stream().filter(s -> s.kind() == kind).toList();
  }

  private static Point point(Sensor s) {
    return GF.createPoint(new Coordinate(s.location().lon(), s.location().lat()));
  }

  private static double metres(Geometry wgs84, Sensor s) {
    return UTM.toMetric(wgs84).distance(UTM.toMetric(point(s)));
  }

  @Test
  void theShippedFileIsWhatTheGeneratorWrites() throws IOException {
    String generated = DemoFleet.geoJson(MONACO);
    if (Boolean.getBoolean("citytwin.regenerateFleet")) {
      Files.createDirectories(SHIPPED.getParent());
      Files.writeString(SHIPPED, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8)).isEqualTo(generated);
    assertThat(generated).startsWith("{\"type\":\"FeatureCollection\",\"attribution\":\"Map data © OpenStreetMap contributors, ODbL 1.0");
  }

  @Test
  void theShippedFleetLoadsPlacedAsGenerated() {
    SensorRegistry registry = SensorFiles.loadBuiltIn("monaco", SensorPlacer.of(MONACO));
    assertThat(registry.all()).isEqualTo(FLEET);
  }

  @Test
  void aFewHundredSensorsOfEveryKind() {
    Map<SensorKind, Long> counts = FLEET.stream().collect(Collectors.groupingBy(Sensor::kind, Collectors.counting()));
    assertThat(FLEET.size()).isBetween(300, 500);
    assertThat(counts).containsOnlyKeys(SensorKind.values());
    assertThat(counts.get(SensorKind.SMOKE_DETECTOR)).isGreaterThanOrEqualTo(100);
    assertThat(counts.get(SensorKind.GAS_DETECTOR)).isGreaterThanOrEqualTo(30);
    assertThat(counts.get(SensorKind.TRAFFIC_COUNTER)).isGreaterThanOrEqualTo(40);
    assertThat(counts.get(SensorKind.AIR_QUALITY)).isGreaterThanOrEqualTo(18);
    assertThat(counts.get(SensorKind.NOISE_MONITOR)).isGreaterThanOrEqualTo(20);
    assertThat(counts.get(SensorKind.CROWD_MONITOR)).isGreaterThanOrEqualTo(10);
    assertThat(FLEET).extracting(Sensor::id).doesNotHaveDuplicates();
  }

  @Test
  void everySensorIsInsideMonacoAndPlaced() {
    assertThat(FLEET).allSatisfy(s -> {
      assertThat(MODEL.boundary().covers(point(s))).as(s.id()).isTrue();
      assertThat(s.placement().district()).as(s.id()).isNotNull();
    });
  }

  @Test
  void everyDistrictHasAnAirQualityAndAWeatherStation() {
    for (CityEntity d : MONACO.entities(EntityType.DISTRICT)) {
      assertThat(ofKind(SensorKind.AIR_QUALITY)).as(d.name()).anyMatch(s -> d.id().equals(s.placement().district()));
      assertThat(ofKind(SensorKind.WEATHER)).as(d.name()).anyMatch(s -> d.id().equals(s.placement().district()));
    }
  }

  @Test
  void smokeDetectorsAreInsideFootprintsOfOccupiedBuildingsSomeSeveralToABuilding() {
    Map<String, Building> buildings = MODEL.buildings().stream().collect(Collectors.toMap(Building::id, Function.identity()));
    Set<String> uses = Set.of("HOSPITAL", "SCHOOL", "RESIDENTIAL", "COMMERCIAL", "PUBLIC");
    for (Sensor s : ofKind(SensorKind.SMOKE_DETECTOR)) {
      Building b = buildings.get(s.placement().building().toString());
      assertThat(b).as(s.id()).isNotNull();
      assertThat(b.footprint().covers(point(s))).as(s.id()).isTrue();
      assertThat(uses).as(s.id()).contains(b.use().name());
    }
    Map<EntityId, Long> perBuilding = ofKind(SensorKind.SMOKE_DETECTOR).stream()
        .collect(Collectors.groupingBy(s -> s.placement().building(), Collectors.counting()));
    assertThat(perBuilding.values()).anyMatch(n -> n >= 2);
    MODEL.buildings().stream().filter(b -> b.use().name().equals("HOSPITAL"))
        .forEach(h -> assertThat(perBuilding.get(EntityId.parse(h.id()))).as(h.name()).isGreaterThanOrEqualTo(2));
    assertThat(ofKind(SensorKind.GAS_DETECTOR)).allSatisfy(s -> assertThat(s.placement().building()).isNotNull());
  }

  @Test
  void waterGaugesStandOnTheQuaysOfBothHarbours() throws IOException {
    Geometry hercule = harbourOutline(2221179);
    Geometry fontvieille = harbourOutline(2220208);
    List<Sensor> gauges = ofKind(SensorKind.WATER_LEVEL);
    assertThat(gauges).filteredOn(s -> metres(hercule, s) <= 25).hasSize(4);
    assertThat(gauges).filteredOn(s -> metres(fontvieille, s) <= 25).hasSize(3);
    assertThat(gauges).hasSize(7);
  }

  @Test
  void trafficCountersSitOnMainCarRoads() {
    List<CityEntity> mainRoads = MONACO.entities(EntityType.ROAD).stream()
        .filter(r -> Boolean.TRUE.equals(r.attributes().get("car")))
        .filter(r -> Set.of("trunk", "primary", "secondary").contains(r.attributes().get("highway")))
        .toList();
    for (Sensor s : ofKind(SensorKind.TRAFFIC_COUNTER)) {
      double nearest = mainRoads.stream().mapToDouble(r -> metres(r.geometry(), s)).min().orElseThrow();
      assertThat(nearest).as(s.id()).isLessThan(3);
      assertThat(s.placement().roadDistanceM()).as(s.id()).isLessThan(3);
    }
  }

  @Test
  void everyHospitalHasABedSensorAndEveryBedSensorIsAtAHospital() {
    List<CityEntity> hospitals = MONACO.entities(EntityType.POI).stream()
        .filter(p -> "hospital".equals(p.attributes().get("kind"))).toList();
    List<Sensor> beds = ofKind(SensorKind.HOSPITAL_BEDS);
    assertThat(beds).hasSameSizeAs(hospitals);
    for (CityEntity h : hospitals) {
      assertThat(beds).as(h.name()).anyMatch(s -> metres(h.geometry(), s) < 1);
    }
  }

  @Test
  void crowdsAreWatchedOnTheSquaresAndAtTheVenues() {
    assertThat(ofKind(SensorKind.CROWD_MONITOR)).extracting(Sensor::name)
        .contains("Crowd, Place du Casino", "Crowd, Place du Palais", "Crowd, Stade Louis-II", "Crowd, Grimaldi Forum");
  }

  @Test
  void everySensorCanLogInWithItsDerivedSecret() {
    assertThat(FLEET).allSatisfy(s -> assertThat(s.credentials().matches(s.id(),
        DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, s.id()).getBytes(StandardCharsets.UTF_8))).isTrue());
  }

  /** The marina's outline as lines, assembled from the relation's ways in the shipped extract. */
  private static Geometry harbourOutline(long relationId) throws IOException {
    OsmData osm;
    try (InputStream in = MonacoFleetIT.class.getClassLoader()
        .getResourceAsStream("cities/monaco/monaco-2026-03-10.osm.pbf")) {
      osm = OsmFiles.read(in, "monaco-2026-03-10.osm.pbf");
    }
    OsmRelation harbour = osm.relations().stream().filter(r -> r.id() == relationId).findFirst().orElseThrow();
    Map<Long, OsmWay> ways = osm.ways().stream().collect(Collectors.toMap(OsmWay::id, Function.identity()));
    LineString[] lines = harbour.members().stream()
        .map(m -> ways.get(m.ref()))
        .map(w -> GF.createLineString(Arrays.stream(w.nodeRefs()).mapToObj(osm::lonLat)
            .map(c -> new Coordinate(c[0], c[1])).toArray(Coordinate[]::new)))
        .toArray(LineString[]::new);
    return GF.createMultiLineString(lines);
  }
}
