package io.citytwin.twin.state;

import io.citytwin.twin.cim.EntityId;
import java.time.Instant;

/**
 * A change that happened to the live state: the outcome of an accepted {@link TwinCommand}.
 * Events carry everything needed to apply them ({@link TwinState#apply}), so a journal of events
 * replays to the same state.
 */
public sealed interface TwinEvent {

  /** Position in the twin's event sequence, starting at 1 and without gaps. */
  long revision();

  Instant timestamp();

  EntityId entityId();

  record PropertyModified(long revision, Instant timestamp, EntityId entityId, String key, Object value)
      implements TwinEvent {}

  record PropertyDeleted(long revision, Instant timestamp, EntityId entityId, String key)
      implements TwinEvent {}
}
