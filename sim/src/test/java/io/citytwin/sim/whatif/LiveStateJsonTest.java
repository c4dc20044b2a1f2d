package io.citytwin.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The platform's REST answers as a what-if reads them; anything else is refused by path. */
class LiveStateJsonTest {
  static final Instant NOW = Instant.parse("2026-11-24T22:00:00Z");

  @Test
  void latestValuesOfEverySensorWithAState() {
    LiveState s = LiveStateJson.sensors("""
        {"sensors": [
          {"id": "wl-001", "lat": 43.7367, "lon": 7.4223, "state": {"status": "ok", "latest": {
             "water_level": {"value": 0.113, "unit": "m", "ts": "2026-11-24T21:59:48Z"},
             "rainfall": {"value": 0.0, "unit": "mm/h", "ts": "2026-11-24T21:59:48Z"}}}},
          {"id": "wl-002", "lat": 43.73, "lon": 7.42, "state": {"status": "stale", "latest": {
             "water_level": {"value": 0.5, "unit": "m", "ts": "2026-11-24T20:00:00Z"}}}},
          {"id": "smk-9", "lat": 43.73, "lon": 7.42, "state": null}
        ]}""", NOW);
    assertThat(s.readings()).hasSize(3);
    assertThat(s.fresh("water_level")).singleElement().satisfies(r -> {
      assertThat(r.sensorId()).isEqualTo("wl-001");
      assertThat(r.value()).isEqualTo(0.113);
      assertThat(r.lon()).isEqualTo(7.4223);
    });
  }

  @Test
  void anIncidentNeedsItsPlaceAndCentroid() {
    LiveIncident i = LiveStateJson.incident("""
        {"id": "INC-1", "type": "fire", "title": "Smoke", "placeKey": "building/w1", "centroid": [7.42, 43.73],
         "exercise": true}""", "INC-1");
    assertThat(i).isEqualTo(new LiveIncident("INC-1", "fire", "Smoke", "building/w1", 7.42, 43.73, true));
    assertThatThrownBy(() -> LiveStateJson.incident("{\"id\":\"INC-1\",\"type\":\"fire\",\"placeKey\":\"b\"}", "INC-1"))
        .hasMessage("GET /api/incidents/INC-1, centroid: expected [lon, lat]");
    assertThatThrownBy(() -> LiveStateJson.sensors("{\"sensors\":[{\"id\":\"a\",\"lat\":1,\"lon\":2,\"state\":"
        + "{\"latest\":{\"water_level\":{\"value\":\"high\",\"ts\":\"2026-11-24T21:00:00Z\"}}}}]}", NOW))
        .hasMessage("GET /api/sensors, sensors[0].state.latest.water_level.value: missing or not a finite number");
  }

  /** Whatever the body, it is read or refused with a message naming the endpoint; nothing else escapes. */
  @Property(tries = 2000, seed = "20261124")
  void garbageIsRefusedByPath(@ForAll("bodies") String body) {
    try {
      LiveStateJson.sensors(body, NOW);
    } catch (LiveStateJson.LiveFormatException e) {
      assertThat(e.getMessage()).startsWith("GET /api/sensors");
    }
    try {
      LiveStateJson.incident(body, "INC-1");
    } catch (LiveStateJson.LiveFormatException e) {
      assertThat(e.getMessage()).startsWith("GET /api/incidents/INC-1");
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "1", "-1e308", "\"x\"", "[]", "{}", "\"2026-11-24T21:00:00Z\"", "[7.4,43.7]",
            "[1]", "\"ok\"", "1e999"),
        Arbitraries.strings().ofMaxLength(8).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
    Arbitrary<String> key = Arbitraries.of("sensors", "id", "lat", "lon", "state", "status", "latest", "water_level",
        "value", "ts", "type", "placeKey", "centroid", "title", "exercise");
    Arbitrary<String> object = Arbitraries.recursive(
        () -> value,
        inner -> Arbitraries.oneOf(
            Arbitraries.maps(key, inner).ofMaxSize(5).map(m -> {
              StringBuilder b = new StringBuilder("{");
              m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
              return b.append('}').toString();
            }),
            inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
        4);
    return Arbitraries.oneOf(object, object.map(s -> s.substring(0, s.length() / 2)), Arbitraries.strings().ofMaxLength(30));
  }
}
