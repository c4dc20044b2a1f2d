package io.citytwin.twin.live;

import java.time.Duration;

/**
 * Thresholds of the live twin.
 *
 * @param staleAfter silence after which a sensor is {@link SensorStatus#STALE}
 * @param noSignalAfter silence after which it is {@link SensorStatus#NO_SIGNAL}; longer than
 *     {@code staleAfter}
 * @param faultyAfterRejects consecutive value-rejected messages that make it
 *     {@link SensorStatus#FAULTY} (at least 1)
 */
public record LiveSettings(Duration staleAfter, Duration noSignalAfter, int faultyAfterRejects) {
  public static final LiveSettings DEFAULTS =
      new LiveSettings(Duration.ofMinutes(5), Duration.ofMinutes(15), 3);

  public LiveSettings {
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("staleAfter must be positive, was " + staleAfter);
    }
    if (noSignalAfter.compareTo(staleAfter) <= 0) {
      throw new IllegalArgumentException(
          "noSignalAfter (" + noSignalAfter + ") must be longer than staleAfter (" + staleAfter + ")");
    }
    if (faultyAfterRejects < 1) {
      throw new IllegalArgumentException("faultyAfterRejects must be at least 1, was " + faultyAfterRejects);
    }
  }
}
