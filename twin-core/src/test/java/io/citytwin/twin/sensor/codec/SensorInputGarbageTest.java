package io.citytwin.twin.sensor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated garbage for every sensor parser: each either returns sensors or throws the documented
 * {@link SensorInputException}, whose message names the source, the field when there is one, and
 * a problem. Any other exception fails the property.
 */
class SensorInputGarbageTest {
  private static final String VALID_GEOJSON = SensorGeoJson.write(SensorGeoJsonTest.SENSORS, "ODbL");
  private static final String VALID_BODY = "{\"id\":\"aq-1\",\"kind\":\"air_quality\",\"lat\":43.73,\"lon\":7.42,"
      + "\"quantities\":[\"pm25\"],\"owner\":\"health\",\"name\":\"A\",\"secret\":\"0123456789abcdef\"}";

  @Property(tries = 1500, seed = "1101")
  void geoJsonMutations(@ForAll("geoJsonGarbage") String text) {
    check("s.geojson", () -> SensorGeoJson.read(in(text), "s.geojson"));
    reachesEveryOutcome("s.geojson");
  }

  @Property(tries = 1500, seed = "1102")
  void csvDocuments(@ForAll("csvGarbage") String text) {
    check("s.csv", () -> SensorCsv.read(in(text), "s.csv"));
    reachesEveryOutcome("s.csv");
  }

  @Property(tries = 1500, seed = "1103")
  void requestBodies(@ForAll("bodyGarbage") String text) {
    check(SensorJson.REQUEST_BODY, () -> List.of(SensorJson.parseRequest(text.getBytes(StandardCharsets.UTF_8))));
    reachesEveryOutcome(SensorJson.REQUEST_BODY);
  }

  @Property(tries = 1000, seed = "1104")
  void arbitraryBytes(@ForAll byte[] bytes) {
    check("s.geojson", () -> SensorGeoJson.read(new ByteArrayInputStream(bytes), "s.geojson"));
    check("s.csv", () -> SensorCsv.read(new ByteArrayInputStream(bytes), "s.csv"));
    check(SensorJson.REQUEST_BODY, () -> List.of(SensorJson.parseRequest(bytes)));
  }

  @Provide
  Arbitrary<String> geoJsonGarbage() {
    return Arbitraries.randomValue(r -> Garbage.mutateJson(VALID_GEOJSON, r));
  }

  @Provide
  Arbitrary<String> csvGarbage() {
    return Arbitraries.randomValue(Garbage::csv);
  }

  @Provide
  Arbitrary<String> bodyGarbage() {
    return Arbitraries.oneOf(
        Arbitraries.randomValue(r -> Garbage.mutateJson(VALID_BODY, r)),
        Arbitraries.strings().ofMaxLength(200));
  }

  /** The generator is worth its tries only if it gets past the syntax to the fields and beyond. */
  private static void reachesEveryOutcome(String source) {
    Statistics.label(source).coverage(c -> {
      c.check("parsed").percentage(p -> p >= 1);
      c.check("rejected: field").percentage(p -> p >= 10);
      c.check("rejected: document").percentage(p -> p >= 5);
    });
  }

  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void check(String source, Supplier<List<Sensor>> parse) {
    try {
      assertThat(parse.get()).doesNotContainNull();
      Statistics.label(source).collect("parsed");
    } catch (SensorInputException e) {
      Statistics.label(source).collect(e.field() == null ? "rejected: document" : "rejected: field");
      assertThat(e.source()).isEqualTo(source);
      assertThat(e.problem()).isNotBlank();
      assertThat(e.getMessage()).startsWith(source + ": ").endsWith(e.problem());
      if (e.field() != null) {
        assertThat(e.getMessage()).contains("field '" + e.field() + "'");
      }
    }
  }
}
