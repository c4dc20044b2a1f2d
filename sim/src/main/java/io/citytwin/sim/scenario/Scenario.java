package io.citytwin.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A validated scenario file.
 *
 * @param id stable id (file name without extension unless given), {@code [A-Za-z0-9._-]{1,64}}
 * @param name human-readable title
 * @param type what is simulated
 * @param mode forecast (offline) or drill (feeds the live platform as an exercise)
 * @param site where, resolved against the city
 * @param start simulated start time
 * @param duration how long to simulate
 * @param step time step (divides the duration into at least one step)
 * @param seed the only source of randomness
 * @param parameters the model's own parameters (validated by the model; path {@code parameters})
 * @param interventions changes switched on during the run, in file order
 * @param source file name or other label for error messages
 */
public record Scenario(
    String id, String name, ScenarioType type, Mode mode, Site site, Instant start, Duration duration,
    Duration step, long seed, Params parameters, List<Intervention> interventions, String source) {

  /** Offline forecast, or a drill injected into the live platform. */
  public enum Mode {
    FORECAST,
    DRILL
  }

  /**
   * A change switched on during the run: at a time offset, or when a metric crosses a threshold.
   *
   * @param action what to do, model-specific (e.g. {@code close_schools}, {@code close_road})
   * @param at offset from the start, or null when triggered by a threshold
   * @param whenMetric metric name for a threshold trigger, or null
   * @param above threshold value (the intervention starts when the metric first exceeds it)
   * @param parameters the action's own parameters ({@code interventions[i].parameters})
   */
  public record Intervention(String action, Duration at, String whenMetric, double above, Params parameters) {}

  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    interventions = List.copyOf(interventions);
  }

  /** Number of steps: the duration divided by the step, rounded up. */
  public int steps() {
    return (int) ((duration.toMillis() + step.toMillis() - 1) / step.toMillis());
  }

  /** The raw parameters node. */
  public JsonNode parametersNode() {
    return parameters.node();
  }
}
