package io.citytwin.web.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.vertx.SimAddresses;
import io.citytwin.web.bus.ServiceException;
import io.citytwin.web.bus.ServiceException.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-bus adapter: request bodies in the contract's shapes, replies unwrapped, failures mapped. */
class EventBusScenarioServiceTest {
  private final Vertx vertx = Vertx.vertx();
  private final EventBusScenarioService service = new EventBusScenarioService(vertx, 300);
  private final List<Object> seen = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private void answer(String address, Object reply) {
    vertx.eventBus().consumer(address, m -> {
      seen.add(m.body());
      m.reply(reply);
    }).completion().await();
  }

  @Test
  void listsUnwrapAndDrillsAreAskedForByTheirId() throws Exception {
    JsonObject scenario = new JsonObject().put("id", "monaco-fire").put("type", "building_fire");
    JsonObject drill = new JsonObject().put("id", "DRILL-1").put("status", "running");
    answer(SimAddresses.SCENARIOS, new JsonObject().put("scenarios", new JsonArray().add(scenario)));
    answer(SimAddresses.DRILLS, new JsonObject().put("drills", new JsonArray().add(drill)));
    answer(SimAddresses.DRILL, drill);

    assertThat(await(service.scenarios())).containsExactly(scenario);
    assertThat(await(service.drills())).containsExactly(drill);
    assertThat(await(service.drill("DRILL-1"))).isEqualTo(drill);
    assertThat(seen).containsExactly(new JsonObject(), new JsonObject(), "DRILL-1");
  }

  @Test
  void aDrillIsStartedByIdOrByDocumentWithTheSpeedOnlyWhenGiven() throws Exception {
    answer(SimAddresses.START_DRILL, new JsonObject().put("id", "DRILL-2"));
    JsonObject document = new JsonObject().put("type", "flood").put("location", new JsonObject().put("district", "MC-CO"));
    await(service.startDrill(DrillRequest.builtIn("monaco-fire", null)));
    await(service.startDrill(DrillRequest.builtIn("monaco-fire", 300.0)));
    await(service.startDrill(DrillRequest.document(document, 2.5)));
    await(service.startDrill(DrillRequest.builtIn("monaco-fire", null).scoredAfter(8)));
    assertThat(seen).containsExactly(
        new JsonObject().put("scenario", "monaco-fire"),
        new JsonObject().put("scenario", "monaco-fire").put("speed", 300),
        new JsonObject().put("scenario", document).put("speed", 2.5),
        new JsonObject().put("scenario", "monaco-fire").put("scoreAfterSeconds", 8));
    // Whole speeds travel as integers.
    assertThat(((JsonObject) seen.get(1)).getValue("speed")).isInstanceOf(Integer.class);
  }

  @Test
  void reportsAskForTheirFormatAndComeBackAsText() throws Exception {
    List<Object> replies = new ArrayList<>(List.of("# Report", new JsonObject().put("score", 1), Buffer.buffer("<html/>")));
    vertx.eventBus().consumer(SimAddresses.REPORT, m -> {
      seen.add(m.body());
      m.reply(replies.remove(0));
    }).completion().await();
    assertThat(await(service.report("DRILL-1", ReportFormat.MARKDOWN))).isEqualTo("# Report");
    assertThat(await(service.report("DRILL-1", ReportFormat.JSON))).isEqualTo("{\"score\":1}");
    assertThat(await(service.report("DRILL-1", ReportFormat.HTML))).isEqualTo("<html/>");
    assertThat(seen).containsExactly(
        new JsonObject().put("id", "DRILL-1").put("format", "markdown"),
        new JsonObject().put("id", "DRILL-1").put("format", "json"),
        new JsonObject().put("id", "DRILL-1").put("format", "html"));
  }

  @Test
  void contractCodesBecomeProblemsAndAMissingVerticleIsUnavailable() throws Exception {
    int[] code = new int[1];
    vertx.eventBus().consumer(SimAddresses.START_DRILL, m -> m.fail(code[0], "code " + code[0])).completion().await();
    for (Object[] c : new Object[][] {{400, Problem.INVALID}, {404, Problem.NOT_FOUND}, {409, Problem.CONFLICT},
        {503, Problem.UNAVAILABLE}}) {
      code[0] = (Integer) c[0];
      Throwable failure = failure(service.startDrill(DrillRequest.builtIn("x", null)));
      assertThat(failure).isInstanceOf(ServiceException.class).hasMessage("code " + c[0]);
      assertThat(((ServiceException) failure).problem()).isEqualTo(c[1]);
    }
    Throwable absent = failure(service.report("DRILL-1", ReportFormat.HTML));
    assertThat(((ServiceException) absent).problem()).isEqualTo(Problem.UNAVAILABLE);
    assertThat(absent).hasMessage("no service answers on citytwin.sim.drills.report (is it deployed?)");

    vertx.eventBus().consumer(SimAddresses.DRILLS, m -> { }).completion().await();
    assertThat(failure(service.drills())).hasMessage("no answer on citytwin.sim.drills.list within 300 ms");
  }

  @Test
  void aRequestIsEitherAnIdOrADocumentAtASpeedInRange() {
    assertThatThrownBy(() -> new DrillRequest(null, null, null, null)).hasMessage("give either a built-in scenario id or a scenario document");
    assertThatThrownBy(() -> new DrillRequest("a", new JsonObject(), null, null)).hasMessage("give either a built-in scenario id or a scenario document");
    assertThatThrownBy(() -> DrillRequest.builtIn("a", 0.5)).hasMessage("speed must be 1..3600, not 0.5");
    assertThatThrownBy(() -> DrillRequest.builtIn("a", Double.NaN)).hasMessage("speed must be 1..3600, not NaN");
    assertThat(DrillRequest.builtIn("a", 3600.0).speed()).isEqualTo(3600.0);
  }

  private static Throwable failure(Future<?> f) throws Exception {
    try {
      await(f);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + f.result());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
