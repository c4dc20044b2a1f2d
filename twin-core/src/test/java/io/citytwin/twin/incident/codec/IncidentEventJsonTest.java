package io.citytwin.twin.incident.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.testing.JsonGarbage;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class IncidentEventJsonTest {

  @Provide
  Arbitrary<IncidentEvent> events() {
    return Combinators.combine(Arbitraries.integers().between(0, RandomEvents.TYPES - 1), Arbitraries.longs())
        .as((type, seed) -> new RandomEvents(seed).event(type));
  }

  @Property(tries = 3000, seed = "5101")
  void everyEventTypeSurvivesTheRoundTripExactly(@ForAll("events") IncidentEvent e) {
    String json = IncidentEventJson.write(e);
    assertThat(json).doesNotContain("\n");
    assertThat(IncidentEventJson.read(json)).isEqualTo(e);
    assertThat(IncidentEventJson.read(IncidentEventJson.writeBytes(e))).isEqualTo(e);
    Statistics.label("type").collect(IncidentEventJson.TYPES.get(e.getClass()));
    Statistics.label("type").coverage(c -> {
      for (String type : IncidentEventJson.TYPES.values()) {
        c.check(type).count(n -> n > 0);
      }
    });
  }

  @Property(tries = 3000, seed = "5102")
  void garbageIsAnEventOrANamedFormatError(@ForAll("garbage") String text) {
    try {
      IncidentEvent e = IncidentEventJson.read(text);
      assertThat(IncidentEventJson.read(IncidentEventJson.write(e))).isEqualTo(e);
      Statistics.label("outcome").collect("read");
    } catch (EventFormatException x) {
      assertThat(x.getMessage()).startsWith("incident event");
      assertThat(x.problem()).isNotBlank();
      Statistics.label("outcome").collect("rejected");
    }
    Statistics.label("outcome").coverage(c -> {
      c.check("read").count(n -> n > 0);
      c.check("rejected").percentage(p -> p > 50);
    });
  }

  @Provide
  Arbitrary<String> garbage() {
    return Combinators.combine(events(), Arbitraries.longs())
        .as((e, seed) -> JsonGarbage.mutateJson(IncidentEventJson.write(e), new Random(seed)));
  }

  @Test
  void aKnownEventReadsAsWritten() {
    String line = "{\"v\":1,\"seq\":7,\"at\":1795514400000,\"type\":\"task.escalated\",\"incident\":\"INC-20261124-0001\","
        + "\"task\":\"ems-1\",\"level\":1,\"to\":\"duty_supervisor\",\"missedDeadline\":1795514460000}";
    IncidentEvent e = IncidentEventJson.read(line);
    assertThat(e).isEqualTo(new IncidentEvent.TaskEscalated(7, 1795514400000L, "INC-20261124-0001", "ems-1", 1,
        io.citytwin.twin.incident.EscalationRole.DUTY_SUPERVISOR, 1795514460000L));
    assertThat(IncidentEventJson.write(e)).isEqualTo(line);
  }

  @Test
  void errorsNameTheEventAndTheField() {
    String ok = "{\"v\":1,\"seq\":7,\"at\":1,\"type\":\"task.arrived\",\"incident\":\"INC-1\",\"task\":\"fire-1\",\"by\":\"FPT\"}";
    assertThat(IncidentEventJson.read(ok)).isInstanceOf(IncidentEvent.UnitArrived.class);
    assertThatThrownBy(() -> IncidentEventJson.read(ok.replace("\"v\":1", "\"v\":2")))
        .isInstanceOf(EventFormatException.class).hasMessage(
            "incident event: field 'v': unsupported event version 2 (this build reads 1)");
    assertThatThrownBy(() -> IncidentEventJson.read(ok.replace("task.arrived", "task.exploded")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("field 'type': unknown event type 'task.exploded' (known: [alarm.correlated,");
    assertThatThrownBy(() -> IncidentEventJson.read(ok.replace(",\"by\":\"FPT\"", "")))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("incident event #7 (task.arrived): field 'by': missing");
    assertThatThrownBy(() -> IncidentEventJson.read(ok.replace("\"by\"", "\"who\"")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("incident event #7 (task.arrived): field 'who': unknown member");
    assertThatThrownBy(() -> IncidentEventJson.read(ok.substring(0, 30)))
        .isInstanceOf(EventFormatException.class).hasMessageContaining("invalid JSON");
    String badArea = "{\"v\":1,\"seq\":3,\"at\":1,\"type\":\"area.changed\",\"incident\":\"INC-1\",\"reason\":\"\","
        + "\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[7.4,43.7],[7.5,43.7],[7.5,43.8]]]}}";
    assertThatThrownBy(() -> IncidentEventJson.read(badArea))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("incident event #3 (area.changed): field 'area.coordinates[0]': "
            + "a linear ring needs at least 4 positions, the last equal to the first");
    String badRoute = "{\"v\":1,\"seq\":4,\"at\":1,\"type\":\"task.dispatched\",\"incident\":\"INC-1\",\"task\":\"fire-1\","
        + "\"assignment\":{\"unit\":\"u\",\"base\":\"b\",\"baseName\":\"\",\"plannedAt\":1,\"startDelayS\":80,\"eta\":2,"
        + "\"route\":{\"nodes\":[1,2],\"edges\":[],\"lengthM\":1,\"travelTimeS\":1,"
        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[]}}}}";
    assertThatThrownBy(() -> IncidentEventJson.read(badRoute))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("incident event #4 (task.dispatched): field 'assignment.route': a route needs n nodes and n-1 edges");
  }

  @Test
  void eventsThatJsonCannotCarryAreRefusedWhenWritten() {
    IncidentEvent e = new IncidentEvent.TaskCancelled(1, 1, "INC-1", "fire-1", null);
    assertThatThrownBy(() -> IncidentEventJson.write(e))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason is null");
    assertThat(new String(IncidentEventJson.writeBytes(
        new IncidentEvent.TaskCancelled(1, 1, "INC-1", "fire-1", "é")), StandardCharsets.UTF_8)).contains("é");
  }
}
