package io.citytwin.twin.live;

import static io.citytwin.twin.telemetry.Quantity.PM25;
import static io.citytwin.twin.telemetry.Quantity.TEMPERATURE;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.cim.EntityType;
import io.citytwin.twin.sensor.Placement;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTwinTest {
  static final EntityId MONACO_VILLE = EntityId.of(EntityType.DISTRICT, "MC-MV");
  static final EntityId LA_CONDAMINE = EntityId.of(EntityType.DISTRICT, "MC-CO");
  static final long T0 = 1_763_800_000_000L;
  static final LiveSettings SETTINGS = new LiveSettings(Duration.ofMinutes(5), Duration.ofMinutes(15), 3);

  static Sensor sensor(String id, EntityId district, Quantity... q) {
    return new Sensor(id, SensorKind.AIR_QUALITY, EnumSet.of(q[0], q), new Position(43.73, 7.42),
        new Placement(district, null, null, Double.NaN), Agency.HEALTH, null, id);
  }

  static Reading r(String id, Quantity q, double v, long ts) {
    return new Reading(id, q, v, ts, null);
  }

  private final LiveTwin twin = new LiveTwin(List.of(
      sensor("aq-1", MONACO_VILLE, PM25, TEMPERATURE),
      sensor("aq-2", MONACO_VILLE, PM25),
      sensor("wl-1", LA_CONDAMINE, WATER_LEVEL),
      sensor("wl-2", LA_CONDAMINE, WATER_LEVEL)), SETTINGS);

  @Test
  void aReadingUpdatesTheLatestValueAndTheSensorGoesOk() {
    assertThat(twin.state("aq-1").orElseThrow().status()).isEqualTo(SensorStatus.NO_SIGNAL);
    twin.record(List.of(r("aq-1", PM25, 35.2, T0), r("aq-1", TEMPERATURE, 21.5, T0)), T0 + 40);
    SensorState s = twin.state("aq-1").orElseThrow();
    assertThat(s.status()).isEqualTo(SensorStatus.OK);
    assertThat(s.latest(PM25).orElseThrow()).isEqualTo(new LatestValue(35.2, T0, T0 + 40));
    assertThat(s.latest(TEMPERATURE).orElseThrow().value()).isEqualTo(21.5);
    assertThat(s.lastSeenMillis()).isEqualTo(T0 + 40);
  }

  @Test
  void aRedeliveredReadingChangesStateOnlyOnce() {
    List<Reading> message = List.of(r("aq-1", PM25, 35.2, T0));
    List<LiveEvent> first = twin.record(message, T0 + 10);
    SensorState after = twin.state("aq-1").orElseThrow();
    for (int i = 0; i < 10; i++) {
      assertThat(twin.record(message, T0 + 20 + i)).isEmpty();
    }
    assertThat(first).hasSize(2); // value + status change to OK
    assertThat(twin.state("aq-1").orElseThrow()).isEqualTo(after);
    assertThat(twin.appliedReadings()).isEqualTo(1);
    assertThat(twin.unchangedReadings()).isEqualTo(10);
  }

  @Test
  void anOlderReadingArrivingLateNeverOverwritesANewerOne() {
    twin.record(List.of(r("aq-1", PM25, 50, T0 + 60_000)), T0 + 60_000);
    twin.record(List.of(r("aq-1", PM25, 10, T0)), T0 + 61_000);
    assertThat(twin.state("aq-1").orElseThrow().latest(PM25).orElseThrow().value()).isEqualTo(50);
  }

  @Test
  void silenceMakesASensorStaleThenNoSignalAndAReadingRevivesIt() {
    twin.record(List.of(r("wl-1", WATER_LEVEL, 0.4, T0)), T0);
    twin.tick(T0 + Duration.ofMinutes(4).toMillis());
    assertThat(twin.state("wl-1").orElseThrow().status()).isEqualTo(SensorStatus.OK);
    twin.tick(T0 + Duration.ofMinutes(6).toMillis());
    assertThat(twin.state("wl-1").orElseThrow().status()).isEqualTo(SensorStatus.STALE);
    List<LiveEvent> events = twin.tick(T0 + Duration.ofMinutes(16).toMillis());
    assertThat(events).containsExactly(new LiveEvent.StatusChanged(
        "wl-1", SensorStatus.STALE, SensorStatus.NO_SIGNAL, T0 + Duration.ofMinutes(16).toMillis(),
        "silent for 960 s"));
    twin.record(List.of(r("wl-1", WATER_LEVEL, 0.5, T0 + 1_000_000)), T0 + 1_000_000);
    assertThat(twin.state("wl-1").orElseThrow().status()).isEqualTo(SensorStatus.OK);
  }

  @Test
  void consecutiveValueRejectionsMakeASensorFaultyUntilItSendsAGoodReading() {
    twin.record(List.of(r("aq-2", PM25, 12, T0)), T0);
    twin.rejected("aq-2", "out_of_range", T0 + 1);
    twin.rejected("aq-2", "out_of_range", T0 + 2);
    assertThat(twin.state("aq-2").orElseThrow().status()).isEqualTo(SensorStatus.OK);
    twin.rejected("aq-2", "unit_mismatch", T0 + 3);
    SensorState faulty = twin.state("aq-2").orElseThrow();
    assertThat(faulty.status()).isEqualTo(SensorStatus.FAULTY);
    assertThat(faulty.lastRejectReason()).isEqualTo("unit_mismatch");
    twin.tick(T0 + Duration.ofHours(1).toMillis());
    assertThat(twin.state("aq-2").orElseThrow().status()).isEqualTo(SensorStatus.FAULTY);
    twin.record(List.of(r("aq-2", PM25, 13, T0 + 10)), T0 + 10);
    assertThat(twin.state("aq-2").orElseThrow().status()).isEqualTo(SensorStatus.OK);
    assertThat(twin.state("aq-2").orElseThrow().rejectsInARow()).isZero();
  }

  @Test
  void districtIndicatorsAggregateTheLatestValuesOfHealthySensors() {
    twin.record(List.of(r("aq-1", PM25, 30, T0), r("aq-2", PM25, 50, T0 + 5)), T0 + 10);
    twin.record(List.of(r("wl-1", WATER_LEVEL, 0.4, T0), r("wl-2", WATER_LEVEL, 1.9, T0)), T0 + 10);
    DistrictIndicator pm = indicator(MONACO_VILLE, PM25);
    assertThat(pm.sensors()).isEqualTo(2);
    assertThat(pm.mean()).isEqualTo(40.0);
    assertThat(pm.max()).isEqualTo(50.0);
    assertThat(pm.newestMillis()).isEqualTo(T0 + 5);
    assertThat(indicator(LA_CONDAMINE, WATER_LEVEL).max()).isEqualTo(1.9);

    // a faulty sensor no longer counts
    for (int i = 0; i < 3; i++) {
      twin.rejected("aq-2", "out_of_range", T0 + 20 + i);
    }
    assertThat(indicator(MONACO_VILLE, PM25).sensors()).isEqualTo(1);
    assertThat(indicator(MONACO_VILLE, PM25).mean()).isEqualTo(30.0);
  }

  @Test
  void readingsOfUnregisteredSensorsAreCountedAndIgnored() {
    assertThat(twin.record(List.of(r("ghost", PM25, 1, T0)), T0)).isEmpty();
    assertThat(twin.unknownSensorReadings()).isEqualTo(1);
  }

  @Test
  void changedSensorsAreDrainedOnceForCoalescedPublishing() {
    twin.record(List.of(r("aq-1", PM25, 1, T0), r("aq-1", PM25, 2, T0 + 1), r("wl-1", WATER_LEVEL, 1, T0)), T0);
    assertThat(twin.drainChanged()).containsExactly("aq-1", "wl-1");
    assertThat(twin.drainChanged()).isEmpty();
  }

  @Test
  void replayingTheEventsOfASensorRebuildsItsState() {
    List<LiveEvent> events = new java.util.ArrayList<>();
    events.addAll(twin.record(List.of(r("aq-1", PM25, 5, T0)), T0));
    events.addAll(twin.rejected("aq-1", "out_of_range", T0 + 1));
    events.addAll(twin.record(List.of(r("aq-1", PM25, 7, T0 + 2)), T0 + 2));
    events.addAll(twin.tick(T0 + Duration.ofMinutes(10).toMillis()));
    SensorState replayed = SensorState.unseen("aq-1");
    for (LiveEvent e : events) {
      if (e.sensorId().equals("aq-1")) {
        replayed = replayed.apply(e);
      }
    }
    assertThat(replayed).isEqualTo(twin.state("aq-1").orElseThrow());
  }

  private DistrictIndicator indicator(EntityId d, Quantity q) {
    return twin.indicators().get(d).stream().filter(i -> i.quantity() == q).findFirst().orElseThrow();
  }
}
