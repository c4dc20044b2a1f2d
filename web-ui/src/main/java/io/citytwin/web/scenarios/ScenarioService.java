package io.citytwin.web.scenarios;

import io.citytwin.web.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the HTTP API, {@code /metrics} and the dashboard push need from scenarios and drills. JSON
 * shapes (scenario summary, drill, score) are those of {@code io.citytwin.twin.vertx.SimAddresses};
 * a refused request fails with {@link ServiceException} (its {@link ServiceException.Problem} says
 * why), anything else with the underlying failure.
 *
 * <p>Implementations must not block the calling event loop; futures may complete on any thread of
 * the caller's Vert.x.
 */
public interface ScenarioService {

  /** The built-in scenarios: {@code [{id, name, type, mode, duration, step, location}]}. */
  Future<JsonArray> scenarios();

  /**
   * Starts a drill; the drill, status {@code running}. INVALID when the scenario is invalid (the
   * message names the field) or cannot be drilled; CONFLICT when another drill is running.
   */
  Future<JsonObject> startDrill(DrillRequest request);

  /** Every drill the service knows, newest first. */
  Future<JsonArray> drills();

  /** One drill, with its score once finished; NOT_FOUND when unknown. */
  Future<JsonObject> drill(String id);

  /**
   * A finished drill's after-action report as text in {@code format}; NOT_FOUND when unknown,
   * CONFLICT while it is not finished.
   */
  Future<String> report(String id, ReportFormat format);

  /**
   * Starts a forecast; the forecast, status {@code running}. INVALID when the scenario is invalid
   * (the message names the field), is a drill, or the incident has no forecast; NOT_FOUND when the
   * incident is unknown; CONFLICT when another forecast is running.
   */
  Future<JsonObject> startForecast(ForecastRequest request);

  /** Every forecast the service knows, newest first. */
  Future<JsonArray> forecasts();

  /** One forecast, with its summary once finished; NOT_FOUND when unknown. */
  Future<JsonObject> forecast(String id);
}
