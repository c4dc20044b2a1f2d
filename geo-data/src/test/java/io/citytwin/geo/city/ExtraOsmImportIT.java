package io.citytwin.geo.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmFiles;
import io.citytwin.geo.road.RoadGraph;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second real extract, imported without any city spec: Liechtenstein 2013-08-03 (osm2pgsql's
 * test fixture, ODbL, renumbered ids). Reference counts are osmium fileinfo's. The file is not
 * committed; it is looked up on the test classpath ({@code extra-osm/}) and then in
 * {@code /work/extra-osm/} (override with {@code -Dcitytwin.extraOsm=PATH}).
 */
class ExtraOsmImportIT {
  private static final String NAME = "liechtenstein-2013-08-03.osm.pbf";
  private static final Path FILE = locate();

  @Test
  void readerMatchesOsmiumCounts() {
    OsmData d = OsmFiles.read(FILE);
    assertThat(d.nodeCount()).isEqualTo(65_733);
    assertThat(d.ways()).hasSize(7_121);
    assertThat(d.relations()).hasSize(113);
    assertThat(d.ways().stream().filter(w -> w.tags().containsKey("highway"))).hasSize(2_753);
    assertThat(d.ways().stream().filter(w -> w.tags().containsKey("building"))).hasSize(3_722);
  }

  @Test
  void importsWithoutSpecUsingAnAdminLevel8BoundaryAndPlausibleLayers() {
    CityModel m = CityImporter.importFiles(List.of(FILE));
    assertThat(m.warnings()).anyMatch(w -> w.startsWith("boundary: no boundary relation configured; "
        + "using the largest complete admin_level=8 boundary"));
    double km2 = m.projection().areaM2(m.boundary()) / 1e6;
    // Liechtenstein's 11 municipalities range from 2 to 30 km²
    assertThat(km2).isBetween(1.0, 40.0);
    assertThat(m.projection().epsg()).isEqualTo("EPSG:32632");
    assertThat(m.roads().edges()).hasSizeGreaterThan(300);
    assertThat(m.roads().edges().stream().filter(RoadGraph.Edge::car)).hasSizeGreaterThan(200);
    assertThat(m.buildings()).hasSizeBetween(100, 3_722);
    assertThat(m.buildings()).anyMatch(b -> b.use() == BuildingUse.RESIDENTIAL);
    assertThat(m.boundary().getEnvelopeInternal().getMinX()).isBetween(9.47, 9.64);
    ImportSummary s = ImportSummary.of(m);
    assertThat(s.toText()).contains("City: " + m.name()).contains("EPSG:32632");
  }

  private static Path locate() {
    String override = System.getProperty("citytwin.extraOsm");
    if (override != null) {
      return Path.of(override);
    }
    var url = ExtraOsmImportIT.class.getClassLoader().getResource("extra-osm/" + NAME);
    try {
      if (url != null) {
        return Path.of(url.toURI());
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(
        NAME + " not found on the test classpath (src/test/resources/extra-osm/); "
            + "or pass -Dcitytwin.extraOsm=PATH");
  }
}
