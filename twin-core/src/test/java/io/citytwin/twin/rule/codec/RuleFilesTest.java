package io.citytwin.twin.rule.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.rule.Condition;
import io.citytwin.twin.rule.Direction;
import io.citytwin.twin.rule.PlaceLevel;
import io.citytwin.twin.rule.RuleInputException;
import io.citytwin.twin.rule.RuleKit;
import io.citytwin.twin.rule.RuleSet;
import io.citytwin.twin.rule.RuleSpec;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Quantity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleFilesTest {
  /** One rule of every kind, and a named area, for Testville. */
  static final String VALID = """
      {"city": "Testville", "description": "test rules",
       "areas": [{"id": "harbour", "name": "Harbour", "sensors": ["wl-1", "wl-2"],
                  "geometry": {"type": "Polygon", "coordinates": [[[7.425, 43.725], [7.435, 43.725], [7.435, 43.735], [7.425, 43.735], [7.425, 43.725]]]}}],
       "rules": [
        {"id": "smoke", "title": "Smoke", "kind": "threshold", "incident": "fire", "severity": "moderate",
         "escalation": {"at": 20, "severity": "severe"}, "sensor_kinds": ["smoke_detector"],
         "quantity": "smoke", "above": 8, "clear": 4, "min_duration_s": 30, "place": "building"},
        {"id": "rising", "kind": "rate_of_change", "incident": "flood", "severity": "moderate",
         "quantity": "water_level", "unit": "cm", "rise_per_min": 2, "clear_per_min": 0.5, "window_s": 600, "place": "area"},
        {"id": "silent", "kind": "no_signal", "incident": "infrastructure_failure", "severity": "minor",
         "sensor_kinds": ["water_level"], "silent_s": 300, "on_status": ["faulty"]},
        {"id": "zone", "kind": "geofence", "incident": "chemical_release", "severity": "moderate",
         "sensors": ["aq-bus"], "fence": {"district": "T-W"}, "trigger": "inside"},
        {"id": "fire", "kind": "correlation", "incident": "fire", "severity": "severe", "refire_s": 120,
         "sensor_kinds": ["smoke_detector"], "members": [{"quantity": "smoke", "above": 8, "clear": 4}],
         "group_by": "building", "min_count": 2, "window_s": 60}
       ]}""";

  private static RuleSet parse(String text) {
    return RuleKit.rules(text);
  }

  @Test
  void theValidDocumentLoadsWithLevelsInCanonicalUnits() {
    RuleSet set = parse(VALID);
    assertThat(set.source()).isEqualTo("test-rules.json");
    assertThat(set.areas()).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("area/harbour");
      assertThat(a.sensors()).containsExactlyInAnyOrder("wl-1", "wl-2");
    });
    assertThat(set.rules()).extracting(r -> r.spec().kind())
        .containsExactly("threshold", "rate_of_change", "no_signal", "geofence", "correlation");

    var smoke = set.rule("smoke").orElseThrow();
    assertThat(smoke.type()).isEqualTo(IncidentType.FIRE);
    assertThat(smoke.escalation().severity()).isEqualTo(Severity.SEVERE);
    assertThat(smoke.sensors().kinds()).containsExactly(SensorKind.SMOKE_DETECTOR);
    assertThat(smoke.spec()).isEqualTo(new RuleSpec.Threshold(
        new Condition.Level(Quantity.SMOKE, Direction.UP, 8, 4, 30_000), PlaceLevel.BUILDING));
    assertThat(set.rule("rising").orElseThrow().spec()).isEqualTo(new RuleSpec.RateOfChange(
        new Condition.Rate(Quantity.WATER_LEVEL, Direction.UP, 0.02, 0.005, 600_000), PlaceLevel.AREA));
    assertThat(set.rule("silent").orElseThrow().spec())
        .isEqualTo(new RuleSpec.NoSignal(300_000, Set.of(SensorStatus.FAULTY), PlaceLevel.SENSOR));
    assertThat(((RuleSpec.Geofence) set.rule("zone").orElseThrow().spec()).fence().key()).isEqualTo("district/T-W");
    assertThat(set.rule("fire").orElseThrow().refireMillis()).isEqualTo(120_000);
  }

  static Stream<Arguments> badDocuments() {
    return Stream.of(
        bad("unknown quantity", "\"quantity\": \"smoke\", \"above\": 8, \"clear\": 4, \"min", "\"quantity\": \"smoak\", \"above\": 8, \"clear\": 4, \"min",
            "rule [0] (id 'smoke')", "quantity", "unknown quantity 'smoak' (known: beds_free, co,"),
        bad("unknown sensor kind", "\"escalation\": {\"at\": 20, \"severity\": \"severe\"}, \"sensor_kinds\": [\"smoke_detector\"]",
            "\"escalation\": {\"at\": 20, \"severity\": \"severe\"}, \"sensor_kinds\": [\"smoke_detektor\"]",
            "rule [0] (id 'smoke')", "sensor_kinds", "unknown sensor kind 'smoke_detektor'"),
        bad("unknown rule kind", "\"kind\": \"rate_of_change\"", "\"kind\": \"rate\"",
            "rule [1] (id 'rising')", "kind", "unknown rule kind 'rate' (known: correlation, geofence, no_signal, rate_of_change, threshold)"),
        bad("unknown incident type", "\"incident\": \"chemical_release\"", "\"incident\": \"spill\"",
            "rule [3] (id 'zone')", "incident", "unknown incident type 'spill'"),
        bad("unknown severity", "\"severity\": \"minor\"", "\"severity\": \"low\"",
            "rule [2] (id 'silent')", "severity", "unknown severity 'low'"),
        bad("negative duration", "\"min_duration_s\": 30", "\"min_duration_s\": -30",
            "rule [0] (id 'smoke')", "min_duration_s", "a duration must not be negative, found -30.0 s"),
        bad("negative re-fire interval", "\"refire_s\": 120", "\"refire_s\": -1",
            "rule [4] (id 'fire')", "refire_s", "must not be negative"),
        bad("zero window", "\"min_count\": 2, \"window_s\": 60", "\"min_count\": 2, \"window_s\": 0",
            "rule [4] (id 'fire')", "window_s", "must be a positive number of seconds"),
        bad("clear above an above-level", "\"above\": 8, \"clear\": 4, \"min", "\"above\": 8, \"clear\": 9, \"min",
            "rule [0] (id 'smoke')", "clear", "clear level 9.0 must be at or below the level 8.0 of a 'above' condition"),
        bad("clear below a below-level", "\"members\": [{\"quantity\": \"smoke\", \"above\": 8, \"clear\": 4}]",
            "\"members\": [{\"quantity\": \"smoke\", \"below\": 8, \"clear\": 4}]",
            "rule [4] (id 'fire')", "members[0].clear", "must be at or above the level 8.0"),
        bad("clear rate faster than the rate", "\"clear_per_min\": 0.5", "\"clear_per_min\": 3",
            "rule [1] (id 'rising')", "clear_per_min", "clear rate 0.03 must not be faster than the rate 0.02"),
        bad("both above and below", "\"above\": 8, \"clear\": 4, \"min", "\"above\": 8, \"below\": 2, \"clear\": 4, \"min",
            "rule [0] (id 'smoke')", "below", "give either 'above' or 'below', not both"),
        bad("level out of the quantity's range", "\"above\": 8, \"clear\": 4, \"min", "\"above\": 150, \"clear\": 4, \"min",
            "rule [0] (id 'smoke')", "above", "cannot be exceeded: smoke lies within 0.0..100.0 %obs/m"),
        bad("unit not of the quantity", "\"unit\": \"cm\"", "\"unit\": \"ppm\"",
            "rule [1] (id 'rising')", "unit", "'ppm' is not a unit of water_level (accepted: m, cm, mm)"),
        bad("quantity no selected kind publishes", "\"severity\": \"severe\"}, \"sensor_kinds\": [\"smoke_detector\"]",
            "\"severity\": \"severe\"}, \"sensor_kinds\": [\"gas_detector\"]",
            "rule [0] (id 'smoke')", "quantity", "no sensor of kind gas_detector publishes smoke"),
        bad("unknown district", "\"district\": \"T-W\"", "\"district\": \"T-X\"",
            "rule [3] (id 'zone')", "fence.district", "unknown district 'T-X' (known: T-W, T-E)"),
        bad("unknown area", "\"fence\": {\"district\": \"T-W\"}", "\"fence\": {\"area\": \"harbor\"}",
            "rule [3] (id 'zone')", "fence.area", "unknown area 'harbor' (defined: harbour)"),
        bad("two fences", "\"fence\": {\"district\": \"T-W\"}", "\"fence\": {\"district\": \"T-W\", \"area\": \"harbour\"}",
            "rule [3] (id 'zone')", "fence", "give exactly one of district, area, geometry, wkt, found district and area"),
        bad("invalid WKT", "\"fence\": {\"district\": \"T-W\"}", "\"fence\": {\"wkt\": \"POLYGON((7.41 43.73, 7.42 43.73))\"}",
            "rule [3] (id 'zone')", "fence.wkt", "invalid WKT"),
        bad("duplicate rule ids", "{\"id\": \"fire\"", "{\"id\": \"smoke\"",
            "rule [4] (id 'smoke')", "id", "duplicate: rule [0] has the same id"),
        bad("unknown sensor in a rule", "\"sensors\": [\"aq-bus\"]", "\"sensors\": [\"aq-bus\", \"aq-99\"]",
            "rule [3] (id 'zone')", "sensors", "unknown sensor 'aq-99'"),
        bad("sensor of another kind", "\"sensor_kinds\": [\"water_level\"]", "\"sensor_kinds\": [\"water_level\"], \"sensors\": [\"smk-1\"]",
            "rule [2] (id 'silent')", "sensors", "sensor 'smk-1' is a smoke_detector, not one of the rule's sensor_kinds"),
        bad("unknown area member", "\"sensors\": [\"wl-1\", \"wl-2\"]", "\"sensors\": [\"wl-1\", \"wl-9\"]",
            "area [0] (id 'harbour')", "sensors", "unknown sensor 'wl-9'"),
        bad("misspelt field", "\"min_duration_s\": 30", "\"min_duration\": 30",
            "rule [0] (id 'smoke')", "min_duration", "unknown field of a threshold rule (allowed:"),
        bad("field of another kind", "\"silent_s\": 300", "\"silent_s\": 300, \"window_s\": 60",
            "rule [2] (id 'silent')", "window_s", "unknown field of a no_signal rule"),
        bad("escalation not more severe", "\"at\": 20, \"severity\": \"severe\"", "\"at\": 20, \"severity\": \"minor\"",
            "rule [0] (id 'smoke')", "escalation.severity", "must be more severe than the rule's moderate"),
        bad("escalation not beyond the level", "\"at\": 20, \"severity\": \"severe\"", "\"at\": 5, \"severity\": \"severe\"",
            "rule [0] (id 'smoke')", "escalation.at", "5.0 must be beyond the rule's level 8.0"),
        bad("escalation of a no-signal rule", "\"silent_s\": 300", "\"silent_s\": 300, \"escalation\": {\"at\": 1, \"severity\": \"severe\"}",
            "rule [2] (id 'silent')", "escalation", "no_signal rules do not escalate"),
        bad("ok is no failure status", "\"on_status\": [\"faulty\"]", "\"on_status\": [\"ok\"]",
            "rule [2] (id 'silent')", "on_status", "unknown failure status 'ok'"),
        bad("no-signal rule with nothing to go by", "\"silent_s\": 300, \"on_status\": [\"faulty\"]", "\"place\": \"sensor\"",
            "rule [2] (id 'silent')", "silent_s", "missing: give 'silent_s' and/or 'on_status'"),
        bad("no members", "\"members\": [{\"quantity\": \"smoke\", \"above\": 8, \"clear\": 4}]", "\"members\": []",
            "rule [4] (id 'fire')", "members", "must be a non-empty array of member conditions"),
        bad("zero min_count", "\"min_count\": 2", "\"min_count\": 0",
            "rule [4] (id 'fire')", "min_count", "must be a whole number of at least 1"),
        bad("self-intersecting polygon", "[[[7.425, 43.725], [7.435, 43.725], [7.435, 43.735], [7.425, 43.735], [7.425, 43.725]]]",
            "[[[7.425, 43.725], [7.435, 43.735], [7.435, 43.725], [7.425, 43.735], [7.425, 43.725]]]",
            "area [0] (id 'harbour')", "geometry", "polygon is not valid: Self-intersection"),
        bad("lat and lon swapped", "[[[7.425, 43.725], [7.435, 43.725], [7.435, 43.735], [7.425, 43.735], [7.425, 43.725]]]",
            "[[[43.725, 7.425], [43.725, 7.435], [43.735, 7.435], [43.735, 7.425], [43.725, 7.425]]]",
            "area [0] (id 'harbour')", "geometry", "polygon lies outside the city (positions are [lon, lat]: swapped?)"),
        bad("open ring", "[7.425, 43.735], [7.425, 43.725]]]", "[7.425, 43.735], [7.426, 43.725]]]",
            "area [0] (id 'harbour')", "geometry", "a linear ring must end where it starts (closed)"),
        bad("rules for another city", "\"city\": \"Testville\"", "\"city\": \"Monaco\"",
            null, "city", "the rules are for 'Monaco' but the city is 'Testville'"),
        bad("no rules", "\"rules\": [", "\"rulez\": [",
            null, "rulez", "unknown field of a rule file"),
        bad("invalid JSON", "\"title\": \"Smoke\",", "\"title\": \"Smoke\"",
            "line 5, column 36", null, "invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma"));
  }

  private static Arguments bad(String name, String search, String replacement, String where, String field, String problem) {
    if (!VALID.contains(search) || VALID.indexOf(search) != VALID.lastIndexOf(search)) {
      throw new IllegalArgumentException(name + ": the search text must occur exactly once: " + search);
    }
    return Arguments.of(name, VALID.replace(search, replacement), where, field, problem);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badDocuments")
  void everyProblemNamesTheFileTheRuleAndTheField(String name, String text, String where, String field, String problem) {
    RuleInputException e = catchThrowableOfType(RuleInputException.class, () -> parse(text));
    assertThat(e).as(name).isNotNull();
    assertThat(e.source()).isEqualTo("test-rules.json");
    assertThat(e.where()).isEqualTo(where);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.problem()).contains(problem);
    assertThat(e.getMessage()).startsWith("test-rules.json: " + (where == null ? "" : where))
        .contains(field == null ? "" : "field '" + field + "': ").endsWith(e.problem());
  }

  @Test
  void aFileOnDiskIsNamedInItsErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("city-rules.json");
    Files.writeString(file, VALID.replace("\"min_duration_s\": 30", "\"min_duration_s\": \"30\""), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RuleFiles.load(file, RuleKit.REGISTRY, RuleKit.CITY))
        .isInstanceOf(RuleInputException.class)
        .hasMessage("city-rules.json: rule [0] (id 'smoke'), field 'min_duration_s': must be a number, found a string");
    assertThatThrownBy(() -> RuleFiles.load(dir.resolve("missing.json"), RuleKit.REGISTRY, RuleKit.CITY))
        .isInstanceOf(RuleInputException.class).hasMessageStartingWith("missing.json: file not found");
  }

  @Test
  void aCityWithoutBuiltInRulesSaysSo() {
    assertThat(RuleFiles.hasBuiltIn("monaco")).isTrue();
    assertThat(RuleFiles.hasBuiltIn("atlantis")).isFalse();
    assertThatThrownBy(() -> RuleFiles.loadBuiltIn("atlantis", RuleKit.REGISTRY, RuleKit.CITY))
        .isInstanceOf(RuleInputException.class)
        .hasMessage("classpath:cities/atlantis/rules.json: no built-in rules for city 'atlantis'");
  }
}
