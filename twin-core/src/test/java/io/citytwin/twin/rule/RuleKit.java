package io.citytwin.twin.rule;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.rule.codec.RuleFiles;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Testville (see {@link FixtureCity}) with a small fleet, and helpers to build engines from rule
 * JSON. Buildings: w1 (smk-1..3) and w3 (smk-4) ; water gauges wl-1..4 in the east district, wl-5
 * in the west; a traffic counter, a crowd monitor, hospital beds in w2, and a bus-mounted
 * air-quality sensor that reports its position.
 */
public final class RuleKit {
  public static final CitySnapshot CITY = CitySnapshot.of(FixtureCity.testville());
  public static final long T0 = 1_763_800_000_000L;
  public static final SensorRegistry REGISTRY = SensorRegistry.of(List.of(
      sensor("smk-1", SensorKind.SMOKE_DETECTOR, 43.7252, 7.4052),
      sensor("smk-2", SensorKind.SMOKE_DETECTOR, 43.7255, 7.4055),
      sensor("smk-3", SensorKind.SMOKE_DETECTOR, 43.7258, 7.4058),
      sensor("smk-4", SensorKind.SMOKE_DETECTOR, 43.7255, 7.4255),
      sensor("smk-5", SensorKind.SMOKE_DETECTOR, 43.7300, 7.4100),
      sensor("wl-1", SensorKind.WATER_LEVEL, 43.7300, 7.4300),
      sensor("wl-2", SensorKind.WATER_LEVEL, 43.7310, 7.4310),
      sensor("wl-3", SensorKind.WATER_LEVEL, 43.7320, 7.4320),
      sensor("wl-4", SensorKind.WATER_LEVEL, 43.7330, 7.4330),
      sensor("wl-5", SensorKind.WATER_LEVEL, 43.7300, 7.4100),
      sensor("tc-1", SensorKind.TRAFFIC_COUNTER, 43.7300, 7.4200),
      sensor("crowd-1", SensorKind.CROWD_MONITOR, 43.7290, 7.4360),
      sensor("beds-1", SensorKind.HOSPITAL_BEDS, 43.7350, 7.4150),
      sensor("gas-1", SensorKind.GAS_DETECTOR, 43.7256, 7.4256),
      sensor("aq-bus", SensorKind.AIR_QUALITY, 43.7300, 7.4050)),
      SensorPlacer.of(CITY));

  private RuleKit() {}

  static Sensor sensor(String id, SensorKind kind, double lat, double lon) {
    return new Sensor(id, kind, kind.defaultQuantities(), new Position(lat, lon), null,
        kind.defaultOwner(), null, "Sensor " + id);
  }

  /** Parses a rule document for Testville. */
  public static RuleSet rules(String json) {
    return RuleFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "test-rules.json", REGISTRY, CITY);
  }

  /** An engine of the given rules (each a JSON object) on Testville. */
  public static RuleEngine engine(String... rules) {
    return RuleEngine.of(rules(document(rules)), REGISTRY, CITY);
  }

  public static String document(String... rules) {
    return "{\"city\": \"Testville\", \"rules\": [" + String.join(",", rules) + "]}";
  }

  public static Reading r(String sensor, Quantity q, double value, long ts) {
    return new Reading(sensor, q, value, ts, null);
  }

  public static Reading at(String sensor, Quantity q, double value, long ts, double lat, double lon) {
    return new Reading(sensor, q, value, ts, new Position(lat, lon));
  }

  /** Seconds after {@link #T0}, in epoch milliseconds. */
  public static long s(double seconds) {
    return T0 + Math.round(seconds * 1000);
  }

  public static Geometry geometryOf(String entityId) {
    return CITY.entity(EntityId.parse(entityId)).orElseThrow().geometry();
  }

  /** Feeds readings one by one (each its own message received 200 ms after measurement). */
  public static List<Alarm> feed(RuleEngine engine, EngineState state, List<Reading> readings) {
    List<Alarm> out = new java.util.ArrayList<>();
    for (Reading r : readings) {
      out.addAll(engine.evaluate(state, List.of(r), r.timestampMillis() + 200));
    }
    return out;
  }
}
