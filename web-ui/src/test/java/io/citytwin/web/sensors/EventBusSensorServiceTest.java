package io.citytwin.web.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.citytwin.web.bus.ServiceException;
import io.citytwin.web.bus.ServiceException.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-bus adapter: request bodies as the contract says, and every kind of failure mapped. */
class EventBusSensorServiceTest {
  private final Vertx vertx = Vertx.vertx();
  private final EventBusSensorService service = new EventBusSensorService(vertx, 300);

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void sendsFiltersAndHistoryRangesInTheContractsShape() throws Exception {
    List<Object> seen = new ArrayList<>();
    vertx.eventBus().consumer(TelemetryAddresses.SENSORS, m -> {
      seen.add(m.body());
      m.reply(new JsonObject().put("sensors", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "s1"))));
    }).completion().await();
    vertx.eventBus().consumer(TelemetryAddresses.HISTORY, m -> {
      seen.add(m.body());
      m.reply(new JsonObject().put("points", new io.vertx.core.json.JsonArray()));
    }).completion().await();

    assertThat(await(service.sensors(SensorFilter.ALL))).hasSize(1);
    await(service.sensors(new SensorFilter("district/X", SensorKind.WATER_LEVEL, SensorStatus.NO_SIGNAL)));
    Instant from = Instant.parse("2026-11-24T00:00:00Z");
    await(service.history(new HistoryRequest("s1", Optional.of(Quantity.PM25), from, from.plusSeconds(60), OptionalInt.of(5))));
    await(service.history(new HistoryRequest("s1", Optional.empty(), from, from, OptionalInt.empty())));

    assertThat(seen).containsExactly(
        new JsonObject(),
        new JsonObject().put("district", "district/X").put("kind", "water_level").put("status", "no-signal"),
        new JsonObject().put("sensorId", "s1").put("from", from.toEpochMilli()).put("to", from.toEpochMilli() + 60_000)
            .put("quantity", "pm25").put("limit", 5),
        new JsonObject().put("sensorId", "s1").put("from", from.toEpochMilli()).put("to", from.toEpochMilli()));
  }

  @Test
  void contractFailureCodesBecomeProblemsWithTheRepliersMessage() throws Exception {
    int[] code = new int[1];
    vertx.eventBus().consumer(TelemetryAddresses.SENSOR, m -> m.fail(code[0], "code " + code[0] + " for " + m.body()))
        .completion().await();
    for (Object[] c : new Object[][] {{400, Problem.INVALID}, {404, Problem.NOT_FOUND}, {409, Problem.CONFLICT},
        {503, Problem.UNAVAILABLE}}) {
      code[0] = (Integer) c[0];
      Throwable failure = failure(service.sensor("s9"));
      assertThat(failure).isInstanceOf(ServiceException.class).hasMessage("code " + c[0] + " for s9");
      assertThat(((ServiceException) failure).problem()).isEqualTo(c[1]);
      assertThat(((ServiceException) failure).problem().httpStatus()).isEqualTo(c[0]);
    }
    code[0] = 500;
    assertThat(failure(service.sensor("s9"))).isInstanceOf(ReplyException.class).hasMessage("code 500 for s9");
  }

  @Test
  void noHandlerAndTimeOutAreUnavailableNamingTheAddress() throws Exception {
    Throwable absent = failure(service.ingestStats());
    assertThat(((ServiceException) absent).problem()).isEqualTo(Problem.UNAVAILABLE);
    assertThat(absent).hasMessage("no service answers on citytwin.ingest.stats (is it deployed?)");

    vertx.eventBus().consumer(TelemetryAddresses.INDICATORS, m -> { }).completion().await();
    Throwable silent = failure(service.indicators());
    assertThat(((ServiceException) silent).problem()).isEqualTo(Problem.UNAVAILABLE);
    assertThat(silent).hasMessage("no answer on citytwin.twin.indicators within 300 ms");
  }

  @Test
  void aHistoryRequestCannotRunBackwards() {
    Instant t = Instant.parse("2026-11-24T00:00:00Z");
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            new HistoryRequest("s1", Optional.empty(), t.plus(Duration.ofMillis(1)), t, OptionalInt.empty()))
        .hasMessage("from 2026-11-24T00:00:00.001Z is after to 2026-11-24T00:00:00Z");
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
