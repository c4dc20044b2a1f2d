package io.citytwin.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The drill family of {@code /metrics}, read back with the independent exposition parser. */
class DrillMetricsTest {

  private static JsonObject drill(String id, String status) {
    return new JsonObject().put("id", id).put("status", status).put("exercise", true);
  }

  private static Exposition scrape(JsonArray drills) {
    PrometheusText text = new PrometheusText();
    DrillMetrics.write(text, drills);
    return Exposition.parse(text.render());
  }

  @Test
  void countsDrillsByStatusWithEveryStatusPresent() {
    Exposition e = scrape(new JsonArray().add(drill("D-3", "running")).add(drill("D-2", "finished"))
        .add(drill("D-1", "finished")).add(drill("D-0", "failed")));
    assertThat(e.value("citytwin_scrape_source_up", "source", "drills")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "running")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "scoring")).isZero();
    assertThat(e.value("citytwin_drills", "status", "finished")).isEqualTo(2);
    assertThat(e.value("citytwin_drills", "status", "failed")).isEqualTo(1);
    assertThat(e.samples("citytwin_drills")).hasSize(4);
    assertThat(e.types).containsEntry("citytwin_drills", "gauge");
  }

  @Test
  void aStatusOutsideTheContractIsCountedNotDropped() {
    Exposition e = scrape(new JsonArray().add(drill("D-1", "paused")).add(new JsonObject().put("id", "D-2")));
    assertThat(e.value("citytwin_drills", "status", "paused")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "null")).isEqualTo(1);
    assertThat(e.samples("citytwin_drills")).hasSize(6);
  }

  @Test
  void noDrillReadsZeroAndAnUnansweredListIsReportedDown() {
    assertThat(scrape(new JsonArray()).samples("citytwin_drills")).hasSize(4).allMatch(s -> s.value() == 0);
    Exposition down = scrape(null);
    assertThat(down.value("citytwin_scrape_source_up", "source", "drills")).isZero();
    assertThat(down.samples("citytwin_drills")).isEmpty();
  }
}
