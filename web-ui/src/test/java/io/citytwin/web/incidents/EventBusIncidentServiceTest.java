package io.citytwin.web.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.vertx.IncidentAddresses;
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
class EventBusIncidentServiceTest {
  private final Vertx vertx = Vertx.vertx();
  private final EventBusIncidentService service = new EventBusIncidentService(vertx, 300);
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
  void sendsFiltersAcknowledgementsAndRemarksInTheContractsShape() throws Exception {
    JsonObject incident = new JsonObject().put("id", "INC-1");
    answer(IncidentAddresses.LIST, new JsonObject().put("incidents", new JsonArray().add(incident)));
    answer(IncidentAddresses.ACK, new JsonObject().put("id", "T-1"));
    answer(IncidentAddresses.RESOLVE, incident);
    answer(IncidentAddresses.CLOSE, incident);

    assertThat(await(service.incidents(IncidentFilter.ALL))).containsExactly(incident);
    await(service.incidents(new IncidentFilter("in_progress", IncidentType.GAS_LEAK, false, true)));
    await(service.incidents(IncidentFilter.ACTIVE));
    await(service.acknowledge(new Acknowledgement("INC-1", "T-1", null, null)));
    await(service.acknowledge(new Acknowledgement("INC-1", "T-1", Agency.EMS, "Dr Rossi")));
    await(service.resolve("INC-1", new Remark("cmdr", "out")));
    await(service.close("INC-1", Remark.NONE));

    assertThat(seen).containsExactly(
        new JsonObject(),
        new JsonObject().put("status", "in_progress").put("type", "gas_leak").put("active", false).put("exercise", true),
        new JsonObject().put("active", true),
        new JsonObject().put("incidentId", "INC-1").put("taskId", "T-1").put("channel", "rest"),
        new JsonObject().put("incidentId", "INC-1").put("taskId", "T-1").put("channel", "rest").put("agency", "ems")
            .put("by", "Dr Rossi"),
        new JsonObject().put("incidentId", "INC-1").put("by", "cmdr").put("note", "out"),
        new JsonObject().put("incidentId", "INC-1"));
  }

  @Test
  void capFeedAndImportCarryTextAndBytes() throws Exception {
    answer(IncidentAddresses.CAP, "<alert/>");
    answer(IncidentAddresses.FEED, "<feed/>");
    answer(IncidentAddresses.IMPORT_CAP, new JsonObject().put("incidents", new JsonArray().add("INC-2")));
    assertThat(await(service.cap("INC-1"))).isEqualTo("<alert/>");
    assertThat(await(service.feed("https://twin.example.org"))).isEqualTo("<feed/>");
    Buffer xml = Buffer.buffer("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>");
    assertThat(await(service.importCap(xml)).getJsonArray("incidents")).containsExactly("INC-2");
    assertThat(seen).containsExactly("INC-1", new JsonObject().put("baseUrl", "https://twin.example.org"), xml);
  }

  @Test
  void contractCodesBecomeProblemsAndAMissingVerticleIsUnavailable() throws Exception {
    int[] code = new int[1];
    vertx.eventBus().consumer(IncidentAddresses.ACK, m -> m.fail(code[0], "code " + code[0])).completion().await();
    for (Object[] c : new Object[][] {{400, Problem.INVALID}, {404, Problem.NOT_FOUND}, {409, Problem.CONFLICT},
        {503, Problem.UNAVAILABLE}}) {
      code[0] = (Integer) c[0];
      Throwable failure = failure(service.acknowledge(new Acknowledgement("INC-1", "T-1", null, null)));
      assertThat(failure).isInstanceOf(ServiceException.class).hasMessage("code " + c[0]);
      assertThat(((ServiceException) failure).problem()).isEqualTo(c[1]);
    }
    Throwable absent = failure(service.incident("INC-1"));
    assertThat(((ServiceException) absent).problem()).isEqualTo(Problem.UNAVAILABLE);
    assertThat(absent).hasMessage("no service answers on citytwin.incidents.get (is it deployed?)");
  }

  @Test
  void aFilterRefusesAStatusTheContractDoesNotKnow() {
    assertThatThrownBy(() -> new IncidentFilter("burning", null, null, null))
        .hasMessage("unknown incident status 'burning'; expected one of open, dispatched, in_progress, resolved, closed, cancelled");
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
