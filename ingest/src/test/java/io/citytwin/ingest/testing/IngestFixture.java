package io.citytwin.ingest.testing;

import io.citytwin.ingest.telemetry.DeadLetter;
import io.citytwin.ingest.telemetry.DecoderLimits;
import io.citytwin.ingest.telemetry.RejectionCounters;
import io.citytwin.ingest.telemetry.SensorDirectory;
import io.citytwin.ingest.telemetry.TelemetryDecoder;
import io.citytwin.ingest.telemetry.TelemetryIntake;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Placement;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small registered fleet with credentials, and an intake over it, for transport tests. */
public final class IngestFixture {
  public final Map<String, Sensor> sensors = new LinkedHashMap<>();
  public final RejectionCounters counters = new RejectionCounters();
  public final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  public final TelemetryIntake intake;

  public IngestFixture(int count) {
    for (int i = 1; i <= count; i++) {
      String id = String.format("aq-%03d", i);
      sensors.put(id, new Sensor(id, SensorKind.AIR_QUALITY, SensorKind.AIR_QUALITY.defaultQuantities(),
          new Position(43.7384, 7.4246), Placement.NOWHERE, Agency.HEALTH,
          Credentials.forSecret(id, secret(id)), null));
    }
    Map<String, java.util.Set<io.citytwin.twin.telemetry.Quantity>> q = new LinkedHashMap<>();
    sensors.forEach((id, s) -> q.put(id, s.quantities()));
    intake = new TelemetryIntake(new TelemetryDecoder(SensorDirectory.of(q), DecoderLimits.DEFAULTS),
        counters, deadLetters::add);
  }

  public static String secret(String sensorId) {
    return "secret-of-" + sensorId;
  }

  public Optional<Sensor> lookup(String id) {
    return Optional.ofNullable(sensors.get(id));
  }

  public static String topic(String sensorId) {
    return "citytwin/v1/sensors/" + sensorId + "/telemetry";
  }

  /** A JSON-object payload with a distinct timestamp per sequence number. */
  public static String payload(long baseMillis, int seq) {
    return "{\"ts\":" + (baseMillis + seq) + ",\"pm25\":" + (10 + seq % 50) + ".5}";
  }
}
