package io.citytwin.web.scenarios;

import io.vertx.core.json.JsonObject;

/**
 * A drill to start: a built-in scenario by id, or a full scenario document (validated by the
 * scenario service, whose message names the field), run at {@code speed}.
 *
 * @param scenarioId id of a built-in scenario, or null when {@code document} is given
 * @param document a whole scenario document, or null when {@code scenarioId} is given
 * @param speed simulated seconds per real second, {@value #MIN_SPEED}..{@value #MAX_SPEED}; null
 *     for the service's default
 */
public record DrillRequest(String scenarioId, JsonObject document, Double speed) {
  public static final double MIN_SPEED = 1;
  public static final double MAX_SPEED = 3600;

  public DrillRequest {
    if ((scenarioId == null) == (document == null)) {
      throw new IllegalArgumentException("give either a built-in scenario id or a scenario document");
    }
    if (speed != null && !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException("speed must be " + (int) MIN_SPEED + ".." + (int) MAX_SPEED + ", not " + speed);
    }
  }

  public static DrillRequest builtIn(String scenarioId, Double speed) {
    return new DrillRequest(scenarioId, null, speed);
  }

  public static DrillRequest document(JsonObject document, Double speed) {
    return new DrillRequest(null, document, speed);
  }
}
