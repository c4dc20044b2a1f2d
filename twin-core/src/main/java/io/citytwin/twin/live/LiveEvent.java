package io.citytwin.twin.live;

import io.citytwin.twin.telemetry.Quantity;

/**
 * Something that happened to a sensor's live state; {@link SensorState#apply} is the only way
 * state changes, so replaying the events of a sensor rebuilds its state.
 */
public sealed interface LiveEvent {

  String sensorId();

  /** A newer value of one quantity. */
  record ValueRecorded(
      String sensorId, Quantity quantity, double value, long timestampMillis, long receivedAtMillis)
      implements LiveEvent {}

  /** The sensor's status changed. */
  record StatusChanged(
      String sensorId, SensorStatus from, SensorStatus to, long atMillis, String why)
      implements LiveEvent {}

  /** A value-rejected message was counted (towards {@link SensorStatus#FAULTY}). */
  record RejectionCounted(String sensorId, String reason, long atMillis) implements LiveEvent {}
}
