package io.citytwin.twin.state;

import io.citytwin.twin.cim.EntityId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live properties of one entity.
 *
 * @param properties JSON-scalar values by key, in the order they were first set
 * @param revision revision of the last event that changed this entity
 * @param modified timestamp of that event
 */
public record EntityState(
    EntityId id, Map<String, Object> properties, long revision, Instant modified) {

  public EntityState {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  EntityState with(String key, Object value, long rev, Instant at) {
    Map<String, Object> p = new LinkedHashMap<>(properties);
    p.put(key, value);
    return new EntityState(id, p, rev, at);
  }

  EntityState without(String key, long rev, Instant at) {
    Map<String, Object> p = new LinkedHashMap<>(properties);
    p.remove(key);
    return new EntityState(id, p, rev, at);
  }
}
