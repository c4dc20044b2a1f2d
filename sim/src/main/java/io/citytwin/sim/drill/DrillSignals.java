package io.citytwin.sim.drill;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * What the real sensor fleet would report during a simulated emergency: for each step of a drill,
 * the registered sensors whose place lies inside the hazard's footprints report readings at alarm
 * level for their kind. Sensors outside report nothing on the drill topics (the fleet's ordinary
 * telemetry goes on as usual on the real topics). Pure and deterministic.
 *
 * <p>Readings per kind, chosen above the Monaco rule thresholds so the real rules fire:
 * <table>
 *   <caption>Alarm-level readings by sensor kind</caption>
 *   <tr><th>kind</th><th>payload</th><th>rule it trips</th></tr>
 *   <tr><td>smoke detector</td><td>smoke 15 %obs/m, temperature 58 Cel</td><td>smoke (8 %obs/m)</td></tr>
 *   <tr><td>gas detector</td><td>gas 9,000 ppm, co 80 ppm</td><td>gas leak (4,400 ppm), CO</td></tr>
 *   <tr><td>water level</td><td>water_level 2.6 m</td><td>harbour flood level</td></tr>
 *   <tr><td>air quality</td><td>pm25 180 ug/m3, no2 420 ug/m3</td><td>PM2.5 episode</td></tr>
 *   <tr><td>crowd monitor</td><td>crowd_density 5.5 persons/m2</td><td>crowd crush risk</td></tr>
 * </table>
 * A sensor placed in a building counts as inside when the building's footprint intersects the
 * hazard; other sensors by their position (water gauges within about 60 m of flooded land).
 */
public final class DrillSignals {
  /** Water gauges stand at quays and in the harbour, just off the flooded land: within about 60 m. */
  private static final double GAUGE_REACH_DEG = 60 / 111_000.0;

  private final List<Sensor> sensors;
  private final Map<String, Geometry> buildingOf = new LinkedHashMap<>();
  private final ScenarioType type;

  /** For a scenario of {@code type}: only its hazard footprints count (not, e.g., a fire's smoke plume). */
  public DrillSignals(Collection<Sensor> fleet, CitySnapshot city, ScenarioType type) {
    this.type = type;
    this.sensors = fleet.stream().filter(s -> payload(s.kind(), 0) != null).toList();
    for (Sensor s : sensors) {
      s.placement().buildingId().flatMap(city::entity).ifPresent(b -> buildingOf.put(s.id(), b.geometry()));
    }
  }

  /** Drill types whose footprints stand for a hazard that the fleet would sense. */
  public static boolean supports(ScenarioType type) {
    return type == ScenarioType.BUILDING_FIRE || type == ScenarioType.CHEMICAL_RELEASE || type == ScenarioType.FLOOD;
  }

  /**
   * The payloads to publish for a frame, by sensor id, in registry order.
   *
   * @param timestampMillis the measurement time to stamp (the platform's clock during a drill)
   */
  public Map<String, String> forFrame(Frame frame, long timestampMillis) {
    List<PreparedGeometry> hazard = new ArrayList<>();
    for (Map.Entry<String, Geometry> e : frame.footprints().entrySet()) {
      if (!e.getValue().isEmpty() && counts(type, e.getKey())) {
        Geometry g = type == ScenarioType.FLOOD ? e.getValue().buffer(GAUGE_REACH_DEG) : e.getValue();
        hazard.add(PreparedGeometryFactory.prepare(g));
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (hazard.isEmpty()) {
      return out;
    }
    for (Sensor s : sensors) {
      Geometry where = buildingOf.get(s.id());
      boolean inside = false;
      for (PreparedGeometry h : hazard) {
        if (where != null ? h.intersects(where) : h.covers(point(s))) {
          inside = true;
          break;
        }
      }
      if (inside) {
        out.put(s.id(), payload(s.kind(), timestampMillis));
      }
    }
    return out;
  }

  /**
   * Which footprints the fleet senses: a fire's burning buildings (its smoke plume is km-wide and
   * would set off every detector under it), a chemical plume above its thresholds, flooded land.
   */
  static boolean counts(ScenarioType type, String footprint) {
    return switch (type) {
      case BUILDING_FIRE -> footprint.equals("burning");
      case CHEMICAL_RELEASE -> footprint.startsWith("above");
      case FLOOD -> footprint.equals("flooded") || footprint.equals("deepWater");
      default -> false;
    };
  }

  private static org.locationtech.jts.geom.Point point(Sensor s) {
    return new org.locationtech.jts.geom.GeometryFactory()
        .createPoint(new org.locationtech.jts.geom.Coordinate(s.location().lon(), s.location().lat()));
  }

  static String payload(SensorKind kind, long ts) {
    String values = switch (kind) {
      case SMOKE_DETECTOR -> "\"smoke\":15.0,\"temperature\":58.0";
      case GAS_DETECTOR -> "\"gas\":9000,\"co\":80";
      case WATER_LEVEL -> "\"water_level\":2.6";
      case AIR_QUALITY -> "\"pm25\":180,\"no2\":420";
      case CROWD_MONITOR -> "\"crowd_density\":5.5";
      default -> null;
    };
    return values == null ? null : String.format(Locale.ROOT, "{\"ts\":%d,%s}", ts, values);
  }
}
