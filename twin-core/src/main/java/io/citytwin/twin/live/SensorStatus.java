package io.citytwin.twin.live;

import java.util.Locale;

/**
 * Health of a sensor as the twin sees it. Derived from receive times (not device clocks, which
 * drift) and from rejected messages.
 */
public enum SensorStatus {
  /** Reported within the stale threshold. */
  OK,
  /** Silent for longer than the stale threshold: its latest values are getting old. */
  STALE,
  /** Silent for longer than the no-signal threshold, or never heard from. */
  NO_SIGNAL,
  /** Its last messages were rejected for their values (out of range, wrong unit, ...). */
  FAULTY;

  /** External name, e.g. {@code no-signal}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether readings of a sensor in this status count towards district indicators. */
  public boolean countsForIndicators() {
    return this == OK || this == STALE;
  }
}
