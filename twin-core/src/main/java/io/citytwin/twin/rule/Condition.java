package io.citytwin.twin.rule;

import io.citytwin.twin.telemetry.Quantity;
import java.util.Objects;

/**
 * What one sensor's readings of one quantity must do for a rule to count it: stay beyond a level
 * ({@link Level}) or change faster than a rate ({@link Rate}). Values are in the quantity's
 * canonical unit; times are measurement time.
 */
public sealed interface Condition permits Condition.Level, Condition.Rate {

  Quantity quantity();

  Direction direction();

  /**
   * Beyond a level, with hysteresis and a minimum duration. The condition is entered once the
   * value has been strictly beyond {@code level} for {@code minDurationMillis} of measurement time
   * (every reading in between beyond it too); it is left when a value is at or behind {@code
   * clear}. For {@link Direction#UP}: enters above {@code level}, leaves at or below {@code clear}.
   *
   * @param clear the leave level; equal to {@code level} for no hysteresis, otherwise behind it
   *     (below an UP level, above a DOWN level)
   * @param minDurationMillis at least 0; 0 enters on the first reading beyond the level
   */
  record Level(
      Quantity quantity, Direction direction, double level, double clear, long minDurationMillis)
      implements Condition {
    public Level {
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(direction, "direction");
      if (!Double.isFinite(level) || !Double.isFinite(clear)) {
        throw new IllegalArgumentException("levels must be finite: " + level + ", " + clear);
      }
      if (direction.beyond(clear, level)) {
        throw new IllegalArgumentException(
            "clear level " + clear + " is beyond the level " + level + " (" + direction + ")");
      }
      if (minDurationMillis < 0) {
        throw new IllegalArgumentException("negative minimum duration " + minDurationMillis);
      }
    }

    /** Whether a value starts (or keeps up) the run towards entering. */
    public boolean enters(double value) {
      return direction.beyond(value, level);
    }

    /** Whether a value ends an entered condition. */
    public boolean leaves(double value) {
      return !direction.beyond(value, clear);
    }
  }

  /**
   * Changing faster than a rate, per minute of measurement time. The rate at a reading is the
   * average between the oldest kept sample no older than {@code windowMillis} and that reading,
   * and only counts once those are at least half a window apart (two readings seconds apart say
   * little about a trend). Entered when the rate is strictly faster than {@code perMinute} in
   * the direction (UP = rising); left when it is no faster than {@code clearPerMinute}.
   *
   * @param perMinute positive, canonical units per minute
   * @param clearPerMinute at most {@code perMinute} (may be 0 or negative: "until it stops")
   * @param windowMillis positive
   */
  record Rate(
      Quantity quantity, Direction direction, double perMinute, double clearPerMinute,
      long windowMillis) implements Condition {
    public Rate {
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(direction, "direction");
      if (!(perMinute > 0) || Double.isInfinite(perMinute) || !Double.isFinite(clearPerMinute)) {
        throw new IllegalArgumentException("rate must be a positive finite number: " + perMinute);
      }
      if (clearPerMinute > perMinute) {
        throw new IllegalArgumentException(
            "clear rate " + clearPerMinute + " is faster than the rate " + perMinute);
      }
      if (windowMillis <= 0) {
        throw new IllegalArgumentException("window must be positive: " + windowMillis);
      }
    }

    /** The signed rate oriented so that faster in the direction is larger. */
    public double oriented(double ratePerMinute) {
      return direction.oriented(ratePerMinute);
    }
  }
}
