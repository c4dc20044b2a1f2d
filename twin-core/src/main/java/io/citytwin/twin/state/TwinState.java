package io.citytwin.twin.state;

import io.citytwin.twin.cim.EntityId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of the twin in the Ditto style: commands are decided into events ({@link
 * TwinCommands}), and events are applied by the pure function {@link #apply(TwinState,
 * TwinEvent)}. Immutable; only entities that ever received an event have an entry.
 *
 * @param revision revision of the last applied event, 0 for the initial state
 */
public record TwinState(long revision, Map<EntityId, EntityState> entities) {

  public TwinState {
    entities = Collections.unmodifiableMap(new HashMap<>(entities));
  }

  public static TwinState initial() {
    return new TwinState(0, Map.of());
  }

  public Optional<EntityState> entity(EntityId id) {
    return Optional.ofNullable(entities.get(id));
  }

  /**
   * The state after {@code event}. An event at or below the current revision was already applied
   * (at-least-once delivery) and leaves the state unchanged.
   *
   * @throws IllegalStateException when the event skips revisions: an event was lost
   */
  public static TwinState apply(TwinState state, TwinEvent event) {
    if (event.revision() <= state.revision()) {
      return state;
    }
    if (event.revision() != state.revision() + 1) {
      throw new IllegalStateException(
          "event revision " + event.revision() + " does not follow state revision "
              + state.revision() + ": events were lost");
    }
    EntityState before =
        state.entities().getOrDefault(
            event.entityId(), new EntityState(event.entityId(), Map.of(), 0, event.timestamp()));
    EntityState after;
    if (event instanceof TwinEvent.PropertyModified m) {
      after = before.with(m.key(), m.value(), m.revision(), m.timestamp());
    } else if (event instanceof TwinEvent.PropertyDeleted d) {
      after = before.without(d.key(), d.revision(), d.timestamp());
    } else {
      throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
    }
    Map<EntityId, EntityState> next = new HashMap<>(state.entities());
    next.put(event.entityId(), after);
    return new TwinState(event.revision(), next);
  }

  /** Same as {@link #apply(TwinState, TwinEvent)} on this state. */
  public TwinState apply(TwinEvent event) {
    return apply(this, event);
  }
}
