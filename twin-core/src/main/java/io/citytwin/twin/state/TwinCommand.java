package io.citytwin.twin.state;

import io.citytwin.twin.cim.EntityId;

/**
 * A request to change the live state of the twin. A command may be rejected ({@link
 * TwinCommands#decide}); only the events it yields change the state. Sensor readings and district
 * indicators will be further command kinds.
 */
public sealed interface TwinCommand {

  EntityId entityId();

  /** Set one live property of an entity (e.g. {@code status = "closed"} on a road). */
  record ModifyProperty(EntityId entityId, String key, Object value) implements TwinCommand {}

  /** Remove one live property of an entity. */
  record DeleteProperty(EntityId entityId, String key) implements TwinCommand {}
}
