package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.at;
import static io.citytwin.twin.rule.RuleKit.feed;
import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.PM25;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.telemetry.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeofenceRuleTest {
  /** A square in the east district, lon 7.425..7.435, lat 43.725..43.735. */
  static final String SQUARE_WKT = "POLYGON((7.425 43.725, 7.435 43.725, 7.435 43.735, 7.425 43.735, 7.425 43.725))";
  static final String SQUARE_GEOJSON = """
      {"type": "Polygon", "coordinates": [[[7.425, 43.725], [7.435, 43.725], [7.435, 43.735], [7.425, 43.735], [7.425, 43.725]]]}""";

  static String fenceRule(String fence, String extra) {
    return """
        {"id": "zone", "title": "Bus in zone", "kind": "geofence", "incident": "chemical_release",
         "severity": "moderate", "sensors": ["aq-bus"], "quantity": "pm25", "fence": %s %s}"""
        .formatted(fence, extra.isEmpty() ? "" : ", " + extra);
  }

  @Test
  void enteringAWktFenceFiresOnceAndAgainOnlyAfterLeaving() {
    RuleEngine engine = RuleKit.engine(fenceRule("{\"wkt\": \"" + SQUARE_WKT + "\"}", "\"trigger\": \"inside\""));
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        at("aq-bus", PM25, 10, s(0), 43.730, 7.410),
        at("aq-bus", PM25, 10, s(10), 43.730, 7.430),
        at("aq-bus", PM25, 10, s(20), 43.731, 7.431),
        at("aq-bus", PM25, 10, s(30), 43.730, 7.440),
        at("aq-bus", PM25, 10, s(40), 43.726, 7.426)));

    assertThat(alarms).extracting(Alarm::atMillis).containsExactly(s(10), s(40));
    Alarm first = alarms.get(0);
    assertThat(first.placeKey()).isEqualTo("sensor/aq-bus");
    assertThat(first.area()).isEqualTo(FixtureCity.read("POINT(7.43 43.73)"));
    assertThat(first.title()).isEqualTo("Bus in zone — Sensor aq-bus (Sensor aq-bus inside fence zone)");
    assertThat(first.evidence()).containsExactly(new Evidence("aq-bus", PM25, 10, s(10)));
  }

  @Test
  void anOutsideGeoJsonFenceFiresOnLeaving() {
    RuleEngine engine = RuleKit.engine(fenceRule("{\"geometry\": " + SQUARE_GEOJSON + "}",
        "\"trigger\": \"outside\", \"place\": \"fence\""));
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        at("aq-bus", PM25, 10, s(0), 43.730, 7.430),
        at("aq-bus", PM25, 10, s(10), 43.734, 7.434),
        at("aq-bus", PM25, 10, s(20), 43.736, 7.434),
        at("aq-bus", PM25, 10, s(30), 43.737, 7.434)));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.atMillis()).isEqualTo(s(20));
      assertThat(a.placeKey()).isEqualTo("area/zone");
      assertThat(a.area()).isEqualTo(FixtureCity.read(SQUARE_WKT));
    });
  }

  @Test
  void aPositionOnTheFenceLineCountsAsInside() {
    RuleEngine engine = RuleKit.engine(fenceRule("{\"wkt\": \"" + SQUARE_WKT + "\"}", "\"trigger\": \"inside\""));
    assertThat(feed(engine, engine.newState(), List.of(at("aq-bus", PM25, 10, s(0), 43.730, 7.425)))).hasSize(1);
  }

  @Test
  void aDistrictFenceKeyedByTheFenceCarriesTheDistrictPolygon() {
    RuleEngine engine = RuleKit.engine(fenceRule("{\"district\": \"T-W\"}", "\"trigger\": \"inside\", \"place\": \"fence\""));
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        at("aq-bus", PM25, 10, s(0), 43.730, 7.430), at("aq-bus", PM25, 10, s(10), 43.730, 7.410)));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.placeKey()).isEqualTo("district/T-W");
      assertThat(a.area()).isEqualTo(RuleKit.geometryOf("district/T-W"));
      assertThat(a.title()).contains("inside West");
    });
  }

  @Test
  void withoutAReportedPositionTheRegisteredLocationAppliesUnlessTheRuleSaysOtherwise() {
    // aq-bus is registered at lat 43.73, lon 7.405: in the west district.
    RuleEngine byDefault = RuleKit.engine(fenceRule("{\"district\": \"T-W\"}", "\"trigger\": \"inside\""));
    assertThat(feed(byDefault, byDefault.newState(), List.of(r("aq-bus", PM25, 10, s(0))))).hasSize(1);
    RuleEngine reportedOnly = RuleKit.engine(fenceRule("{\"district\": \"T-W\"}",
        "\"trigger\": \"inside\", \"use_registered_location\": false"));
    assertThat(feed(reportedOnly, reportedOnly.newState(), List.of(r("aq-bus", PM25, 10, s(0))))).isEmpty();
  }

  @Test
  void aValueConditionMustHoldInsideTheFenceToo() {
    RuleEngine engine = RuleKit.engine(fenceRule("{\"wkt\": \"" + SQUARE_WKT + "\"}", "\"trigger\": \"inside\", \"above\": 50"));
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        at("aq-bus", PM25, 20, s(0), 43.730, 7.430),
        at("aq-bus", PM25, 80, s(10), 43.730, 7.410),
        at("aq-bus", PM25, 60, s(20), 43.730, 7.430)));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.atMillis()).isEqualTo(s(20));
      assertThat(a.title()).endsWith(", pm25 60 ug/m3)");
    });
  }

  @Test
  void aHazardEnteringANamedAreaRaisesOneAlarmKeyedByTheArea() {
    String doc = """
        {"areas": [{"id": "harbour", "name": "Harbour", "geometry": %s}],
         "rules": [{"id": "hazard-harbour", "title": "Hazard in harbour", "kind": "geofence",
                    "incident": "chemical_release", "severity": "severe", "subject": "hazards",
                    "hazards": ["plume-1"], "fence": {"area": "harbour"}, "trigger": "inside"}]}"""
        .formatted(SQUARE_GEOJSON);
    RuleEngine engine = RuleEngine.of(RuleKit.rules(doc), RuleKit.REGISTRY, RuleKit.CITY);
    EngineState state = engine.newState();

    assertThat(engine.hazard(state, new Hazard("plume-1", new Position(43.730, 7.410), s(0)))).isEmpty();
    List<Alarm> entered = engine.hazard(state, new Hazard("plume-1", new Position(43.730, 7.428), s(60)));
    assertThat(engine.hazard(state, new Hazard("plume-1", new Position(43.731, 7.430), s(120)))).isEmpty();
    assertThat(engine.hazard(state, new Hazard("plume-1", new Position(43.730, 7.410), s(90)))).isEmpty();
    assertThat(engine.hazard(state, new Hazard("plume-2", new Position(43.730, 7.430), s(120)))).isEmpty();

    assertThat(entered).singleElement().satisfies(a -> {
      assertThat(a.placeKey()).isEqualTo("area/harbour");
      assertThat(a.area()).isEqualTo(FixtureCity.read(SQUARE_WKT));
      assertThat(a.evidence()).isEmpty();
      assertThat(a.title()).isEqualTo("Hazard in harbour — Harbour (hazard plume-1 inside Harbour)");
    });
  }
}
