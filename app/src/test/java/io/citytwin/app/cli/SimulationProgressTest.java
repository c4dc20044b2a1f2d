package io.citytwin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.ScenarioRun;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Progress on a non-terminal stderr: a line per tenth of the run, and where it ended. */
class SimulationProgressTest {

  static String progress(int steps, int finishAfter) {
    Point p = new GeometryFactory().createPoint(new Coordinate(7.42, 43.73));
    Scenario s = new Scenario("flood-1", "Flood", ScenarioType.FLOOD, Scenario.Mode.FORECAST, new Site(p, p, null),
        Instant.parse("2026-11-24T06:00:00Z"), Duration.ofMinutes(steps), Duration.ofMinutes(1), 1,
        new Params("f.json", "parameters", JsonNodeFactory.instance.objectNode()), List.of(), "f.json");
    SimulationModel model = new SimulationModel() {
      int step;

      @Override
      public List<Metric> metrics() {
        return List.of();
      }

      @Override
      public Frame step(int step, Instant time, Duration dt) {
        this.step = step;
        return new Frame(step, time.plus(dt), Map.of(), Map.of(), List.of());
      }

      @Override
      public boolean finished() {
        return step >= finishAfter;
      }

      @Override
      public Map<String, Object> summary() {
        return Map.of();
      }
    };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScenarioRun(s, model, List.of(new SimulationProgress(err, false))).run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFullRunPrintsTheStartAndEveryTenth() {
    List<String> lines = progress(200, Integer.MAX_VALUE).lines().toList();
    assertThat(lines).hasSize(11);
    assertThat(lines.get(0)).isEqualTo("flood-1: 200 steps of PT1M from 2026-11-24T06:00:00Z");
    assertThat(lines.get(1)).isEqualTo("flood-1: step 20/200 (10%), simulated time 2026-11-24T06:20:00Z");
    assertThat(lines.get(10)).isEqualTo("flood-1: step 200/200 (100%), simulated time 2026-11-24T09:20:00Z");
  }

  @Test
  void aShortRunPrintsEachTenthItReachesOnce() {
    assertThat(progress(3, Integer.MAX_VALUE).lines().toList()).containsExactly(
        "flood-1: 3 steps of PT1M from 2026-11-24T06:00:00Z",
        "flood-1: step 1/3 (33%), simulated time 2026-11-24T06:01:00Z",
        "flood-1: step 2/3 (66%), simulated time 2026-11-24T06:02:00Z",
        "flood-1: step 3/3 (100%), simulated time 2026-11-24T06:03:00Z");
  }

  @Test
  void anEarlyFinishBetweenTwoTenthsSaysWhereItEnded() {
    List<String> lines = progress(100, 57).lines().toList();
    assertThat(lines).endsWith("flood-1: step 50/100 (50%), simulated time 2026-11-24T06:50:00Z",
        "flood-1: step 57/100 (57%), simulated time 2026-11-24T06:57:00Z");
  }
}
