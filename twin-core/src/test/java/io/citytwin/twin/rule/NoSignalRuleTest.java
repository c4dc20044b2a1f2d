package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.GAS;
import static io.citytwin.twin.telemetry.Quantity.SMOKE;
import static io.citytwin.twin.telemetry.Quantity.TEMPERATURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.live.LiveEvent;
import io.citytwin.twin.live.SensorStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoSignalRuleTest {
  static final String BY_TICKS = """
      {"id": "silent", "title": "Sensor silent", "kind": "no_signal", "incident": "infrastructure_failure",
       "severity": "moderate", "sensor_kinds": ["smoke_detector"], "silent_s": 300}""";
  static final String BY_STATUS = """
      {"id": "status", "kind": "no_signal", "incident": "infrastructure_failure", "severity": "minor",
       "sensor_kinds": ["gas_detector"], "on_status": ["no-signal", "faulty"]}""";

  private final RuleEngine engine = RuleKit.engine(BY_TICKS, BY_STATUS);
  private final EngineState state = engine.newState();

  /** Every smoke detector except {@code except} reports at {@code atS}. */
  private void othersReport(String except, double atS) {
    for (String id : List.of("smk-1", "smk-2", "smk-3", "smk-4", "smk-5")) {
      if (!id.equals(except)) {
        engine.evaluate(state, List.of(r(id, SMOKE, 0, s(atS))), s(atS));
      }
    }
  }

  @Test
  void aSensorSilentLongerThanTheLimitRaisesOneAlarmPerSilence() {
    engine.tick(state, s(0));
    othersReport("", 0);
    othersReport("smk-1", 200);
    assertThat(engine.tick(state, s(300))).isEmpty();
    othersReport("smk-1", 300);

    List<Alarm> alarms = engine.tick(state, s(301));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("silent");
      assertThat(a.type()).isEqualTo(IncidentType.INFRASTRUCTURE_FAILURE);
      assertThat(a.placeKey()).isEqualTo("sensor/smk-1");
      assertThat(a.area().getGeometryType()).isEqualTo("Point");
      assertThat(a.evidence()).isEmpty();
      assertThat(a.atMillis()).isEqualTo(s(301));
      assertThat(a.title()).isEqualTo("Sensor silent — Sensor smk-1 (Sensor smk-1 silent for 5 min)");
    });
    othersReport("smk-1", 400);
    assertThat(engine.tick(state, s(500))).isEmpty();

    engine.evaluate(state, List.of(r("smk-1", TEMPERATURE, 21, s(550))), s(550));
    othersReport("smk-1", 600);
    assertThat(engine.tick(state, s(800))).isEmpty();
    assertThat(engine.tick(state, s(851))).extracting(Alarm::placeKey).containsExactly("sensor/smk-1");
  }

  @Test
  void sensorsNeverHeardFromAreSilentSinceTheFirstTickNotSinceForever() {
    assertThat(engine.tick(state, s(0))).isEmpty();
    othersReport("smk-3", 100);
    assertThat(engine.tick(state, s(300))).isEmpty();
    List<Alarm> alarms = engine.tick(state, s(301));
    assertThat(alarms).extracting(Alarm::placeKey).containsExactly("sensor/smk-3");
    assertThat(alarms.get(0).title()).contains("never heard from");
  }

  @Test
  void aRedeliveredOldReadingIsNoSignOfLife() {
    engine.tick(state, s(0));
    othersReport("", 0);
    for (int i = 1; i <= 10; i++) {
      othersReport("smk-1", 60 * i);
      // the message of time 0 redelivered, received now
      engine.evaluate(state, List.of(r("smk-1", SMOKE, 0, s(0))), s(60 * i));
    }
    assertThat(engine.tick(state, s(301))).extracting(Alarm::placeKey).containsExactly("sensor/smk-1");
  }

  @Test
  void liveStatusChangesDriveRulesListeningToThem() {
    LiveEvent.StatusChanged noSignal =
        new LiveEvent.StatusChanged("gas-1", SensorStatus.OK, SensorStatus.NO_SIGNAL, s(10), "silent");
    List<Alarm> first = engine.statusChanged(state, noSignal);
    assertThat(first).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("status");
      assertThat(a.placeKey()).isEqualTo("sensor/gas-1");
      assertThat(a.atMillis()).isEqualTo(s(10));
      assertThat(a.title()).endsWith("(Sensor gas-1 is no-signal)");
    });
    assertThat(engine.statusChanged(state, new LiveEvent.StatusChanged(
        "gas-1", SensorStatus.NO_SIGNAL, SensorStatus.FAULTY, s(20), "rejects"))).isEmpty();
    assertThat(engine.statusChanged(state, new LiveEvent.StatusChanged(
        "gas-1", SensorStatus.FAULTY, SensorStatus.OK, s(30), "reporting"))).isEmpty();
    assertThat(engine.statusChanged(state, new LiveEvent.StatusChanged(
        "gas-1", SensorStatus.OK, SensorStatus.STALE, s(40), "silent"))).isEmpty();
    assertThat(engine.statusChanged(state, new LiveEvent.StatusChanged(
        "gas-1", SensorStatus.STALE, SensorStatus.FAULTY, s(50), "rejects"))).hasSize(1);
  }

  @Test
  void aNewReadingReArmsAStatusDrivenRuleToo() {
    LiveEvent.StatusChanged faulty =
        new LiveEvent.StatusChanged("gas-1", SensorStatus.OK, SensorStatus.FAULTY, s(10), "rejects");
    assertThat(engine.statusChanged(state, faulty)).hasSize(1);
    assertThat(engine.statusChanged(state, faulty)).isEmpty();
    engine.evaluate(state, List.of(r("gas-1", GAS, 3, s(20))), s(20));
    assertThat(engine.statusChanged(state, faulty)).hasSize(1);
  }

  @Test
  void statusChangesOfSensorsNoRuleWatchesAreIgnored() {
    assertThat(engine.statusChanged(state, new LiveEvent.StatusChanged(
        "smk-1", SensorStatus.OK, SensorStatus.NO_SIGNAL, s(10), "silent"))).isEmpty();
    assertThat(engine.statusChanged(state, new LiveEvent.StatusChanged(
        "nobody", SensorStatus.OK, SensorStatus.NO_SIGNAL, s(10), "silent"))).isEmpty();
    assertThat(engine.tick(state, s(0))).isEmpty();
    assertThat(engine.tick(state, s(10_000)))
        .extracting(Alarm::placeKey).doesNotContain("sensor/gas-1", "sensor/wl-1").hasSize(5);
  }
}
