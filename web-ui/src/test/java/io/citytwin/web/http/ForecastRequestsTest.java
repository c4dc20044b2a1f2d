package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.web.scenarios.ForecastRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The forecast route's body: a scenario or an incident; garbage fails naming the member. */
class ForecastRequestsTest {

  @Test
  void aScenarioByIdOrDocumentOrAnIncidentWithAnOptionalTemplate() {
    assertThat(ForecastRequests.start(Buffer.buffer("{\"scenario\":\"monaco-flood\"}")))
        .isEqualTo(ForecastRequest.builtIn("monaco-flood"));
    assertThat(ForecastRequests.start(Buffer.buffer("{\"scenario\":{\"type\":\"flood\"}}")))
        .isEqualTo(ForecastRequest.document(new JsonObject().put("type", "flood")));
    assertThat(ForecastRequests.start(Buffer.buffer("{\"incident\":\"INC-20261124-0001\"}")))
        .isEqualTo(ForecastRequest.fromNow("INC-20261124-0001", null));
    ForecastRequest withTemplate = ForecastRequests.start(Buffer.buffer("{\"incident\":\"INC-1\",\"template\":\"monaco-fire\"}"));
    assertThat(withTemplate.toJson()).isEqualTo(new JsonObject().put("incident", "INC-1").put("template", "monaco-fire"));
  }

  @Test
  void eachMistakeIsNamed() {
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{}")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("scenario"));
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"incident\":\"b\"}")))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{\"scenario\":\"a\",\"template\":\"b\"}")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("template"));
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{\"incident\":\"../x\"}")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("incident"));
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{\"incident\":\"a\",\"template\":\"no such/id\"}")))
        .hasMessageContaining("not a scenario id");
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{\"scenario\":42}")))
        .hasMessageContaining("a scenario document");
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("{\"speed\":2,\"scenario\":\"a\"}")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("speed"));
    assertThatThrownBy(() -> ForecastRequests.start(Buffer.buffer("[1]"))).hasMessageContaining("JSON object");
  }

  /** Whatever the bytes, a body is read or refused with a 400 naming the problem; nothing else escapes. */
  @Property(tries = 1000, seed = "20261124")
  void garbageBodiesAreRefusedWithAReason(@ForAll("bodies") String body) {
    try {
      ForecastRequest r = ForecastRequests.start(Buffer.buffer(body));
      assertThat(r.toJson().fieldNames()).isNotEmpty();
    } catch (BadParameterException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.source()).isIn(BadParameterException.Source.BODY, BadParameterException.Source.PATH);
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> member = Arbitraries.of("scenario", "incident", "template", "speed", "");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "1.5", "[]", "{}", "\"\"", "\"monaco-fire\"", "\"INC-1\"", "\"../etc\"",
            "{\"type\":\"flood\"}"),
        Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
    Arbitrary<String> object = Arbitraries.maps(member, value).ofMaxSize(3).map(m -> {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return b.append('}').toString();
    });
    return Arbitraries.oneOf(object, object.map(s -> s.substring(0, s.length() / 2)), Arbitraries.strings().ofMaxLength(20));
  }
}
