package io.citytwin.sim.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillScoreTest {
  static final long T0 = 1_763_960_000_000L;

  @Test
  void detectionAckTimesAndSlasAreCountedPerAgency() {
    var fire = new DrillScore.TaskFacts("fire", T0 + 40_000, T0 + 100_000, T0 + 70_000, T0 + 360_000, T0 + 300_000);
    var emsLate = new DrillScore.TaskFacts("ems", T0 + 40_000, T0 + 100_000, T0 + 130_000, T0 + 580_000, -1);
    var police = new DrillScore.TaskFacts("police", T0 + 40_000, T0 + 100_000, -1, T0 + 640_000, -1);
    DrillScore s = DrillScore.of(List.of(new DrillScore.IncidentFacts(T0 + 40_000, List.of(fire, emsLate, police), 3)), T0 + 10_000);
    assertThat(s.timeToDetectSeconds()).isEqualTo(30.0);
    assertThat(s.tasks()).isEqualTo(3);
    assertThat(s.tasksAcknowledged()).isEqualTo(2);
    assertThat(s.tasksWithinAckSla()).isEqualTo(1);
    assertThat(s.tasksArrived()).isEqualTo(1);
    assertThat(s.tasksWithinArrivalSla()).isEqualTo(1);
    assertThat(s.escalations()).isEqualTo(3);
    assertThat(s.agencies().get("fire")).isEqualTo(new DrillScore.AgencyScore(1, 1, 1, 30.0, 30.0));
    assertThat(s.agencies().get("ems")).isEqualTo(new DrillScore.AgencyScore(1, 1, 0, 90.0, 90.0));
    assertThat(s.agencies().get("police")).isEqualTo(new DrillScore.AgencyScore(1, 0, 0, null, null));
  }

  @Test
  void nothingDetectedIsSaidSo() {
    DrillScore s = DrillScore.of(List.of(), T0);
    assertThat(s.timeToDetectSeconds()).isNull();
    DrillReport r = new DrillReport("DRILL-1", "Fire (building_fire)", "2026-11-24T08:00:00Z", "2026-11-24T08:10:00Z", s, List.of());
    assertThat(r.markdown()).contains("| time to detect | not detected |").contains("EXERCISE");
    assertThat(r.html()).startsWith("<!DOCTYPE html>").contains("<svg").contains("EXERCISE");
  }

  @Test
  void theReportEscapesWhatItQuotes() {
    DrillScore s = DrillScore.of(List.of(), T0);
    DrillReport r = new DrillReport("D<1>", "Fire & smoke", "a", "b", s, List.of("t — INC-1 — <script>"));
    assertThat(r.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("Fire &amp; smoke");
  }
}
