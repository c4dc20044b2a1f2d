package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.web.scenarios.DrillRequest;
import io.citytwin.web.scenarios.ReportFormat;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The drill routes' body and parameters: what is accepted, and that garbage fails clearly. */
class DrillRequestsTest {

  @Test
  void aBuiltInIdOrADocumentWithAnOptionalSpeed() {
    assertThat(DrillRequests.start(Buffer.buffer("{\"scenario\":\"monaco-flood.v2\"}")))
        .isEqualTo(DrillRequest.builtIn("monaco-flood.v2", null));
    assertThat(DrillRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"speed\":1.5}"))).isEqualTo(DrillRequest.builtIn("a", 1.5));
    assertThat(DrillRequests.start(Buffer.buffer("{\"speed\":3600,\"scenario\":{\"type\":\"flood\"}}")))
        .isEqualTo(DrillRequest.document(new JsonObject().put("type", "flood"), 3600.0));
    assertThat(DrillRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"speed\":null}")).speed()).isNull();
    assertThat(DrillRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"scoreAfterSeconds\":8}")))
        .isEqualTo(DrillRequest.builtIn("a", null).scoredAfter(8));
  }

  @Test
  void theScoringDelayIsAWholeNumberOfSecondsUpToAnHour() {
    assertThatThrownBy(() -> DrillRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"scoreAfterSeconds\":1.5}")))
        .isInstanceOf(BadParameterException.class).hasMessageContaining("whole number")
        .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo("scoreAfterSeconds");
    assertThatThrownBy(() -> DrillRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"scoreAfterSeconds\":3601}")))
        .isInstanceOf(BadParameterException.class).hasMessageContaining("0..3600");
    assertThatThrownBy(() -> DrillRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"scoreAfterSeconds\":\"8\"}")))
        .isInstanceOf(BadParameterException.class).hasMessageContaining("a string");
  }

  @Test
  void theFormatParameterWinsOverAccept() {
    MultiMap none = MultiMap.caseInsensitiveMultiMap();
    assertThat(DrillRequests.reportFormat(none, null)).contains(ReportFormat.JSON);
    assertThat(DrillRequests.reportFormat(none, "text/markdown")).contains(ReportFormat.MARKDOWN);
    assertThat(DrillRequests.reportFormat(none, "image/png")).isEmpty();
    assertThat(DrillRequests.reportFormat(MultiMap.caseInsensitiveMultiMap().add("format", " HTML "), "image/png"))
        .contains(ReportFormat.HTML);
    assertThatThrownBy(() -> DrillRequests.reportFormat(MultiMap.caseInsensitiveMultiMap().add("format", "docx"), null))
        .isInstanceOf(BadParameterException.class).hasMessage("unknown format 'docx'; expected one of json, html, markdown");
  }

  @Test
  void drillIdsAreWhatThePlatformIssues() {
    assertThat(DrillRequests.drillId("DRILL-20261124-0001")).isEqualTo("DRILL-20261124-0001");
    assertThatThrownBy(() -> DrillRequests.drillId("../etc")).isInstanceOf(BadParameterException.class);
    assertThatThrownBy(() -> DrillRequests.drillId("")).isInstanceOf(BadParameterException.class);
  }

  /** Whatever the bytes, a body is read or refused with a 400 naming the problem; nothing else escapes. */
  @Property(tries = 1000, seed = "20261124")
  void garbageBodiesAreRefusedWithAReason(@ForAll("bodies") String body) {
    try {
      DrillRequest request = DrillRequests.start(Buffer.buffer(body));
      if (request.scenarioId() != null) {
        assertThat(request.scenarioId()).matches(DrillRequests.SCENARIO_ID);
      }
      if (request.speed() != null) {
        assertThat(request.speed()).isBetween(DrillRequest.MIN_SPEED, DrillRequest.MAX_SPEED);
      }
    } catch (BadParameterException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.source()).isEqualTo(BadParameterException.Source.BODY);
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> member = Arbitraries.of("scenario", "speed", "scoreAfterSeconds", "seed", "");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
        Arbitraries.doubles().between(-10_000, 10_000).map(String::valueOf),
        Arbitraries.of("null", "0", "1", "3600", "3601", "1e400", "-0", "true", "[]", "{}", "{\"type\":\"flood\"}",
            "\"monaco-fire\"", "\"a b\""));
    Arbitrary<String> object = Arbitraries.maps(member, value).ofMaxSize(3).map(m -> {
      StringBuilder s = new StringBuilder("{");
      m.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return s.append('}').toString();
    });
    return Arbitraries.oneOf(object, Arbitraries.strings().ofMaxLength(60),
        object.map(o -> o.substring(0, o.length() / 2)), Arbitraries.of("[]", "42", "\"x\"", "null", "{\"scenario\":\"a\"}{"));
  }
}
