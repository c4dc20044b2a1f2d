package io.citytwin.geo.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports of the hand-written Testville fixture and of broken inputs, without a city spec. */
class CityImporterTest {
  private static final String TOWN = Fixtures.text("osm/testville.osm");
  private static final CityModel TESTVILLE = CityImporter.importFiles(List.of(Fixtures.path("osm/testville.osm")));

  @Test
  void findsTheAdminLevel8BoundaryAndSaysSo() {
    assertThat(TESTVILLE.name()).isEqualTo("Testville");
    assertThat(TESTVILLE.boundary().getEnvelopeInternal().getMaxX()).isEqualTo(7.01);
    assertThat(TESTVILLE.warnings()).contains("boundary: no boundary relation configured; using the "
        + "largest complete admin_level=8 boundary, relation r1 (Testville)");
    assertThat(ImportSummary.of(TESTVILLE).boundarySource()).startsWith("no boundary relation configured");
    assertThat(TESTVILLE.projection().epsg()).isEqualTo("EPSG:32632");
    assertThat(TESTVILLE.attribution()).contains("OpenStreetMap contributors");
  }

  @Test
  void districtsComeFromAdminLevel10Relations() {
    assertThat(TESTVILLE.districts()).extracting(District::id, District::name)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("district/N", "North"),
            org.assertj.core.groups.Tuple.tuple("district/S", "South"));
    // half of 0.01 x 0.01 degrees at 45 N: 787 m x 1,112 m / 2
    assertThat(TESTVILLE.districts()).allSatisfy(d -> assertThat(d.areaM2()).isBetween(435_000.0, 440_000.0));
  }

  @Test
  void buildingsAndPoisInsideTheTownOnly() {
    assertThat(TESTVILLE.buildings()).extracting(Building::id)
        .containsExactlyInAnyOrder("building/w300", "building/w301", "building/w302");
    Building flats = building("building/w300");
    assertThat(flats.use()).isEqualTo(BuildingUse.RESIDENTIAL);
    assertThat(flats.levels()).isEqualTo(5);
    assertThat(flats.heightM()).isEqualTo(15.0);
    assertThat(flats.districtId()).isEqualTo("district/N");
    assertThat(flats.name()).isEqualTo("North Flats");
    Building station = building("building/w301");
    assertThat(station.use()).isEqualTo(BuildingUse.PUBLIC);
    assertThat(station.heightM()).isEqualTo(7.5);
    assertThat(station.levels()).isEqualTo(3);
    assertThat(station.districtId()).isEqualTo("district/S");
    assertThat(TESTVILLE.pois()).extracting(Poi::id, Poi::kind, Poi::districtId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("poi/n30", PoiKind.HOSPITAL, "district/N"),
            org.assertj.core.groups.Tuple.tuple("poi/w301", PoiKind.FIRE_STATION, "district/S"));
  }

  @Test
  void populationFromTheBoundaryTagGoesToResidentialFloorArea() {
    var pop = TESTVILLE.population();
    assertThat(pop.total()).isEqualTo(1000);
    assertThat(pop.source()).isEqualTo("OSM r1 population=1000");
    assertThat(pop.residentsByBuilding()).containsOnlyKeys("building/w300", "building/w302");
    assertThat(pop.residentsByBuilding().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    // floor area 7,000 m2 x 5 against 1,750 m2 x 2: ten to one
    assertThat(pop.residentsByBuilding().get("building/w300")).isBetween(905, 913);
    assertThat(pop.residentsByDistrict().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
  }

  @Test
  void roadGraphIsClippedToTheTown() {
    assertThat(TESTVILLE.roads().edges()).hasSize(8);
    assertThat(TESTVILLE.roads().edges()).noneMatch(e -> e.wayId() == 203);
  }

  @Test
  void withoutAnyBoundaryTheDataBboxIsUsedAndReported(@TempDir Path dir) throws IOException {
    Path f = write(dir, "nobounds.osm", TOWN.replace("v=\"administrative\"", "v=\"historic\""));
    CityModel m = CityImporter.importFiles(List.of(f));
    assertThat(m.warnings()).anyMatch(w -> w.startsWith("boundary: no boundary relation configured and "
        + "no complete admin_level=8 boundary in the file; using the data bbox 7.0,45.0 to 7.03,45.01"));
    assertThat(m.roads().edges()).anyMatch(e -> e.wayId() == 203);
    assertThat(m.districts()).isEmpty();
    assertThat(m.population().total()).isZero();
    assertThat(m.warnings()).anyMatch(w -> w.startsWith("population: no population figure"));
    assertThat(m.name()).isEqualTo("nobounds");
  }

  @Test
  void fileWithoutRoadsIsRejected(@TempDir Path dir) throws IOException {
    Path f = write(dir, "noroads.osm", TOWN.replace("k=\"highway\"", "k=\"was_highway\""));
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(f)))
        .isInstanceOf(GisInputException.class)
        .hasMessage("noroads.osm: no highway ways inside the boundary (relation r1 (Testville))");
  }

  @Test
  void missingBoundaryRelationIsRejected(@TempDir Path dir) throws IOException {
    write(dir, "town.osm", TOWN);
    Path spec = write(dir, "city.json",
        "{\"name\":\"T\",\"osm\":\"town.osm\",\"boundaryRelation\":999,\"attribution\":\"© OSM\"}");
    assertThatThrownBy(() -> CityImporter.importSpec(CitySpecs.fromFile(spec)))
        .hasMessage("town.osm: boundary relation r999 is not in the file");
  }

  @Test
  void boundaryRelationWithOpenRingIsRejected(@TempDir Path dir) throws IOException {
    String open = TOWN.replace("<nd ref=\"1\"/><nd ref=\"2\"/><nd ref=\"3\"/><nd ref=\"4\"/><nd ref=\"1\"/>",
        "<nd ref=\"1\"/><nd ref=\"2\"/><nd ref=\"3\"/><nd ref=\"4\"/>");
    write(dir, "open.osm", open);
    Path spec = write(dir, "city.json",
        "{\"name\":\"T\",\"osm\":\"open.osm\",\"boundaryRelation\":1,\"attribution\":\"© OSM\"}");
    assertThatThrownBy(() -> CityImporter.importSpec(CitySpecs.fromFile(spec)))
        .hasMessage("open.osm: boundary relation r1 cannot be assembled into an area: "
            + "ways do not close into a ring (open end at node 4)");
  }

  @Test
  void truncatedPbfIsRejectedByTheImporter(@TempDir Path dir) throws IOException {
    byte[] pbf = Fixtures.bytes(Fixtures.MONACO_PBF);
    Path cut = dir.resolve("cut.osm.pbf");
    Files.write(cut, Arrays.copyOf(pbf, pbf.length / 3));
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(cut)))
        .isInstanceOf(GisInputException.class)
        .hasMessageStartingWith("cut.osm.pbf: truncated PBF: ");
  }

  @Test
  void districtGeoJsonIsValidatedAndUsed(@TempDir Path dir) throws IOException {
    Path osm = write(dir, "town.osm", TOWN);
    Path good = write(dir, "d.geojson", Fixtures.collection(
        "{\"name\":\"Whole\",\"ref\":\"W\"}", "Polygon", "[[[7,45],[7.01,45],[7.01,45.01],[7,45.01],[7,45]]]"));
    CityModel m = CityImporter.importFiles(List.of(osm, good));
    assertThat(m.districts()).extracting(District::id).containsExactly("district/W");
    assertThat(m.population().residentsByDistrict()).containsExactly(java.util.Map.entry("district/W", 1000));

    Path bow = write(dir, "bow.geojson", Fixtures.collection(
        "{\"name\":\"Bow\"}", "Polygon", "[[[7,45],[7.01,45.01],[7.01,45],[7,45.01],[7,45]]]"));
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(osm, bow)))
        .hasMessageStartingWith("bow.geojson: feature 0 (\"Bow\") is not a valid polygon: Self-intersection");
    Path syntax = write(dir, "syntax.geojson", "{\"type\": \"FeatureCollection\",\n\"features\": [}");
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(osm, syntax)))
        .hasMessageStartingWith("syntax.geojson: invalid JSON at line 2, column 14");
    Path unnamed = write(dir, "unnamed.geojson", Fixtures.collection(
        "{\"nom\":\"X\"}", "Polygon", "[[[7,45],[7.01,45],[7.01,45.01],[7,45.01],[7,45]]]"));
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(osm, unnamed)))
        .hasMessage("unnamed.geojson: feature 0 has no 'name' property");
  }

  @Test
  void noResidentialBuildingsSharesOverAllFloorAreaWithAWarning(@TempDir Path dir) throws IOException {
    Path f = write(dir, "offices.osm", TOWN.replace("v=\"apartments\"", "v=\"office\"").replace("v=\"house\"", "v=\"office\""));
    CityModel m = CityImporter.importFiles(List.of(f));
    assertThat(m.warnings()).contains("population: no residential buildings tagged; the total is shared "
        + "over the floor area of all buildings");
    assertThat(m.population().residentsByBuilding().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
  }

  @Test
  void unknownAndMissingFilesAreNamed(@TempDir Path dir) throws IOException {
    Path txt = write(dir, "notes.txt", "hello");
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(txt)))
        .hasMessage("notes.txt: unknown file type (expected .osm.pbf, .osm, .osm.gz or .geojson)");
    Path geo = write(dir, "only.geojson", "{}");
    assertThatThrownBy(() -> CityImporter.importFiles(List.of(geo)))
        .hasMessage("only.geojson: no OSM file given (.osm.pbf, .osm or .osm.gz)");
  }

  @Test
  void summaryListsCountsAndCrs() {
    ImportSummary s = ImportSummary.of(TESTVILLE);
    assertThat(s.counts()).containsEntry("buildings", 3L).containsEntry("road edges", 8L)
        .containsEntry("districts", 2L).containsEntry("residents", 1000L);
    assertThat(s.poiCounts()).containsEntry("hospital", 1L).containsEntry("fire_station", 1L);
    assertThat(s.toText()).contains("City: Testville").contains("metric EPSG:32632")
        .contains("EPSG:4326").contains("buildings").contains("Warnings:");
  }

  private static Building building(String id) {
    return TESTVILLE.buildings().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
