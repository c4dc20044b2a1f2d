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
 * @param scoreAfterSeconds real seconds to wait for agencies' responses after the scenario's
 *     last step before the drill is scored, 0..{@value #MAX_SCORE_AFTER}; null for the service's
 *     default
 */
public record DrillRequest(String scenarioId, JsonObject document, Double speed, Integer scoreAfterSeconds) {
  public static final double MIN_SPEED = 1;
  public static final double MAX_SPEED = 3600;
  public static final int MAX_SCORE_AFTER = 3600;

  public DrillRequest {
    if ((scenarioId == null) == (document == null)) {
      throw new IllegalArgumentException("give either a built-in scenario id or a scenario document");
    }
    if (speed != null && !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException("speed must be " + (int) MIN_SPEED + ".." + (int) MAX_SPEED + ", not " + speed);
    }
    if (scoreAfterSeconds != null && (scoreAfterSeconds < 0 || scoreAfterSeconds > MAX_SCORE_AFTER)) {
      throw new IllegalArgumentException("scoreAfterSeconds must be 0.." + MAX_SCORE_AFTER + ", not " + scoreAfterSeconds);
    }
  }

  public static DrillRequest builtIn(String scenarioId, Double speed) {
    return new DrillRequest(scenarioId, null, speed, null);
  }

  public static DrillRequest document(JsonObject document, Double speed) {
    return new DrillRequest(null, document, speed, null);
  }

  /** The same drill, scored {@code seconds} real seconds after its last step. */
  public DrillRequest scoredAfter(Integer seconds) {
    return new DrillRequest(scenarioId, document, speed, seconds);
  }
}
