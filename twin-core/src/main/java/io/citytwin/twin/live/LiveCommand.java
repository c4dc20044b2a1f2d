package io.citytwin.twin.live;

import io.citytwin.twin.telemetry.Reading;
import java.util.List;

/** A request to change the live state of one sensor; decided by {@link LiveDecisions}. */
public sealed interface LiveCommand {

  String sensorId();

  /**
   * Readings of one message, all of {@code sensorId}.
   *
   * @param receivedAtMillis platform receive time, epoch milliseconds
   */
  record RecordReadings(String sensorId, List<Reading> readings, long receivedAtMillis)
      implements LiveCommand {}

  /**
   * A message of a known sensor was rejected for its values; enough of them in a row mark it
   * faulty.
   *
   * @param reason rejection reason code, kept for the dashboard
   */
  record ReportRejection(String sensorId, String reason, long atMillis) implements LiveCommand {}

  /** The clock advanced: check whether the sensor has been silent too long. */
  record CheckSilence(String sensorId, long nowMillis) implements LiveCommand {}
}
