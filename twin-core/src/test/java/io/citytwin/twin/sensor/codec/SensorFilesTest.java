package io.citytwin.twin.sensor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorFilesTest {
  private static final SensorPlacer TESTVILLE = SensorPlacer.of(CitySnapshot.of(FixtureCity.testville()));

  @TempDir Path dir;

  @Test
  void loadsEitherFormatPlacedOnTheCity() throws Exception {
    Path csv = Files.writeString(dir.resolve("fleet.csv"), "id,kind,lat,lon\nsmk-1,smoke_detector,43.735,7.415\n");
    Path geo = dir.resolve("fleet.geojson");
    SensorFiles.write(geo, SensorFiles.read(csv), "ODbL");
    for (Path p : new Path[] {csv, geo}) {
      SensorRegistry r = SensorFiles.load(p, TESTVILLE);
      assertThat(r.find("smk-1").orElseThrow().placement().building()).isEqualTo(EntityId.parse("building/w2"));
    }
    assertThat(Files.readString(geo)).contains("\"attribution\":\"ODbL\"");
  }

  @Test
  void aSensorOutsideTheCityIsNamedByItsEntry() throws Exception {
    Path csv = Files.writeString(dir.resolve("fleet.csv"),
        "id,kind,lat,lon\nwx-1,weather,43.73,7.42\nwx-2,weather,43.70,7.42\n");
    assertThatThrownBy(() -> SensorFiles.load(csv, TESTVILLE)).isInstanceOf(SensorInputException.class)
        .hasMessage("fleet.csv: line 3, field 'lat': lat 43.7, lon 7.42 lies outside the city boundary of Testville");
    Path geo = dir.resolve("fleet.geojson");
    SensorFiles.write(geo, SensorFiles.read(csv), null);
    assertThatThrownBy(() -> SensorFiles.load(geo, TESTVILLE)).isInstanceOf(SensorInputException.class)
        .hasMessage("fleet.geojson: feature [1] (id 'wx-2'), field 'geometry': lat 43.7, lon 7.42 lies outside "
            + "the city boundary of Testville");
    // Without a city there is nothing to be outside of.
    assertThat(SensorFiles.read(csv)).hasSize(2);
  }

  @Test
  void missingFilesAndUnknownFormatsAreNamed() {
    assertThatThrownBy(() -> SensorFiles.read(dir.resolve("nope.csv"))).isInstanceOf(SensorInputException.class)
        .hasMessageStartingWith("nope.csv: file not found");
    assertThatThrownBy(() -> SensorFiles.read(dir.resolve("fleet.xlsx"))).isInstanceOf(SensorInputException.class)
        .hasMessage("fleet.xlsx: unknown registry format: the name must end in .geojson, .json or .csv");
    assertThatThrownBy(() -> SensorFiles.readBuiltIn("atlantis")).isInstanceOf(SensorInputException.class)
        .hasMessage("classpath:cities/atlantis/sensors.geojson: no built-in sensor fleet for city 'atlantis'");
    assertThat(SensorFiles.hasBuiltIn("monaco")).isTrue();
    assertThat(SensorFiles.hasBuiltIn("atlantis")).isFalse();
  }
}
