package io.citytwin.twin.rule;

import static io.citytwin.twin.telemetry.Quantity.CROWD_DENSITY;
import static io.citytwin.twin.telemetry.Quantity.SMOKE;
import static io.citytwin.twin.telemetry.Quantity.SPEED;
import static io.citytwin.twin.telemetry.Quantity.TRAFFIC_FLOW;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.MonacoSnapshot;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.rule.codec.RuleFiles;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.sensor.codec.SensorFiles;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped Monaco rules on the shipped fleet and the real city. */
class MonacoRulesIT {
  private static final CitySnapshot MONACO = MonacoSnapshot.get();
  private static final SensorRegistry FLEET = SensorFiles.loadBuiltIn("monaco", SensorPlacer.of(MONACO));
  private static final RuleSet RULES = RuleFiles.loadBuiltIn("monaco", FLEET, MONACO);
  private static final RuleEngine ENGINE = RuleEngine.of(RULES, FLEET, MONACO);
  private static final long T0 = 1_763_800_000_000L;

  private static Reading r(String sensor, io.citytwin.twin.telemetry.Quantity q, double v, double seconds) {
    return new Reading(sensor, q, v, T0 + Math.round(seconds * 1000), null);
  }

  @Test
  void theShippedRulesLoadAndEverySensorRuleWatchesSensorsOfTheFleet() {
    assertThat(RULES.rules()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(RULES.rules()).allSatisfy(rule -> {
      assertThat(rule.description()).as(rule.id()).isNotBlank();
      boolean onHazards = rule.spec() instanceof RuleSpec.Geofence g && g.subject() == RuleSpec.Geofence.Subject.HAZARDS;
      assertThat(ENGINE.watchedSensors(rule.id())).as(rule.id()).hasSizeGreaterThan(onHazards ? -1 : 0);
    });
    assertThat(RULES.rules()).extracting(Rule::type).contains(IncidentType.FIRE, IncidentType.FLOOD,
        IncidentType.GAS_LEAK, IncidentType.AIR_QUALITY_EPISODE, IncidentType.CROWD_CRUSH_RISK,
        IncidentType.TRAFFIC_ACCIDENT, IncidentType.INFRASTRUCTURE_FAILURE);
    assertThat(ENGINE.watchedSensors("no-signal-life-safety")).hasSize(FLEET.ofKind(SensorKind.SMOKE_DETECTOR).size()
        + FLEET.ofKind(SensorKind.GAS_DETECTOR).size() + FLEET.ofKind(SensorKind.WATER_LEVEL).size());
  }

  @Test
  void twoSmokeDetectorsOfOneRealBuildingRaiseExactlyOneFireAlarmWithTheFootprint() {
    Map<EntityId, List<Sensor>> byBuilding = FLEET.ofKind(SensorKind.SMOKE_DETECTOR).stream()
        .collect(Collectors.groupingBy(s -> s.placement().building(), LinkedHashMap::new, Collectors.toList()));
    Map.Entry<EntityId, List<Sensor>> building = byBuilding.entrySet().stream()
        .filter(e -> e.getValue().size() >= 2).findFirst().orElseThrow();
    String a = building.getValue().get(0).id();
    String b = building.getValue().get(1).id();
    EngineState state = ENGINE.newState();

    List<Reading> smoke = List.of(r(a, SMOKE, 0.5, 0), r(b, SMOKE, 0.4, 0), r(a, SMOKE, 11, 10), r(b, SMOKE, 12.5, 25));
    List<Alarm> alarms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      alarms.addAll(ENGINE.evaluate(state, smoke, T0 + 30_000 + i));
    }

    assertThat(alarms).singleElement().satisfies(alarm -> {
      assertThat(alarm.ruleId()).isEqualTo("fire-building");
      assertThat(alarm.type()).isEqualTo(IncidentType.FIRE);
      assertThat(alarm.severity()).isEqualTo(Severity.SEVERE);
      assertThat(alarm.placeKey()).isEqualTo(building.getKey().toString());
      assertThat(alarm.area()).isEqualTo(MONACO.entity(building.getKey()).orElseThrow().geometry());
      assertThat(alarm.evidence()).extracting(Evidence::sensorId).containsExactly(a, b);
      assertThat(alarm.atMillis()).isEqualTo(T0 + 25_000);
    });
  }

  @Test
  void aSurgeAtThreeGaugesOfPortHerculeRaisesAFloodAlarmForTheHarbour() {
    List<Reading> readings = new ArrayList<>();
    for (int t = 0; t <= 900; t += 60) {
      for (String gauge : List.of("wl-001", "wl-002", "wl-003", "wl-004", "wl-005")) {
        boolean surging = !gauge.equals("wl-004");
        readings.add(r(gauge, WATER_LEVEL, surging ? 0.1 + 0.015 * t / 60 : 0.1, t));
      }
    }
    List<Alarm> alarms = RuleKit.feed(ENGINE, ENGINE.newState(), readings);
    assertThat(alarms).singleElement().satisfies(alarm -> {
      assertThat(alarm.ruleId()).isEqualTo("flood-harbour-rising");
      assertThat(alarm.placeKey()).isEqualTo("area/port-hercule");
      assertThat(alarm.area()).isEqualTo(RULES.area("port-hercule").orElseThrow().geometry());
      assertThat(alarm.title()).startsWith("Sea level rising fast — Port Hercule (3 of 4 sensors");
    });
  }

  @Test
  void aDenseCrowdOnPlaceDuCasinoIsACrushRiskAfterThirtySeconds() {
    Sensor casino = FLEET.all().stream().filter(s -> s.name().equals("Crowd, Place du Casino")).findFirst().orElseThrow();
    EngineState state = ENGINE.newState();
    assertThat(RuleKit.feed(ENGINE, state, List.of(r(casino.id(), CROWD_DENSITY, 4.4, 0),
        r(casino.id(), CROWD_DENSITY, 4.6, 20)))).isEmpty();
    assertThat(RuleKit.feed(ENGINE, state, List.of(r(casino.id(), CROWD_DENSITY, 4.5, 30))))
        .singleElement().satisfies(alarm -> {
          assertThat(alarm.type()).isEqualTo(IncidentType.CROWD_CRUSH_RISK);
          assertThat(alarm.placeKey()).isEqualTo("sensor/" + casino.id());
        });
  }

  @Test
  void aSuddenCollapseAtATrafficCounterIsAnIncidentButTheNightlyDeclineIsNot() {
    String counter = FLEET.ofKind(SensorKind.TRAFFIC_COUNTER).get(0).id();
    List<Reading> night = new ArrayList<>();
    for (int t = 0; t <= 7200; t += 60) {
      night.add(r(counter, SPEED, 50, t));
      night.add(r(counter, TRAFFIC_FLOW, 1200 - 1100.0 * t / 7200, t));
    }
    assertThat(RuleKit.feed(ENGINE, ENGINE.newState(), night)).isEmpty();

    List<Reading> crash = new ArrayList<>();
    for (int t = 0; t <= 1200; t += 60) {
      boolean blocked = t >= 600;
      crash.add(r(counter, SPEED, blocked ? 5 : 48, t));
      crash.add(r(counter, TRAFFIC_FLOW, blocked ? 150 : 1200, t));
    }
    assertThat(RuleKit.feed(ENGINE, ENGINE.newState(), crash)).singleElement().satisfies(alarm -> {
      assertThat(alarm.type()).isEqualTo(IncidentType.TRAFFIC_ACCIDENT);
      assertThat(alarm.placeKey()).isEqualTo("sensor/" + counter);
    });
  }

  @Test
  void aHazardDriftingIntoPortHerculeIsAChemicalRelease() {
    EngineState state = ENGINE.newState();
    assertThat(ENGINE.hazard(state, new Hazard("slick-1", new Position(43.7320, 7.4300), T0))).isEmpty();
    assertThat(ENGINE.hazard(state, new Hazard("slick-1", new Position(43.7355, 7.4250), T0 + 60_000)))
        .singleElement().satisfies(alarm -> {
          assertThat(alarm.type()).isEqualTo(IncidentType.CHEMICAL_RELEASE);
          assertThat(alarm.placeKey()).isEqualTo("area/port-hercule");
        });
  }
}
