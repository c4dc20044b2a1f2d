package io.citytwin.twin.incident.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentEvent.AlarmCorrelated;
import io.citytwin.twin.incident.IncidentEvent.AreaChanged;
import io.citytwin.twin.incident.IncidentEvent.ArrivalOverdue;
import io.citytwin.twin.incident.IncidentEvent.IncidentOpened;
import io.citytwin.twin.incident.IncidentEvent.RoadsClosed;
import io.citytwin.twin.incident.IncidentEvent.StatusChanged;
import io.citytwin.twin.incident.IncidentEvent.TaskAcknowledged;
import io.citytwin.twin.incident.IncidentEvent.TaskCancelled;
import io.citytwin.twin.incident.IncidentEvent.TaskCompleted;
import io.citytwin.twin.incident.IncidentEvent.TaskCreated;
import io.citytwin.twin.incident.IncidentEvent.TaskDispatched;
import io.citytwin.twin.incident.IncidentEvent.TaskEscalated;
import io.citytwin.twin.incident.IncidentEvent.TaskRerouted;
import io.citytwin.twin.incident.IncidentEvent.UnitArrived;
import io.citytwin.twin.json.JsonFields;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incident events as compact one-line JSON, for the journal and the event bus. Every event is an
 * object {@code {"v":1,"seq":..,"at":..,"type":"task.dispatched","incident":"INC-..", ...}} with
 * the members of its type (see {@link #TYPES}); geometries are lossless GeoJSON ({@link
 * GeoJsonGeometry}), durations ISO-8601, times epoch milliseconds. {@code read(write(e))} equals
 * {@code e}. Reading is strict: unknown versions, types and members, missing or mistyped fields
 * fail with an {@link EventFormatException} naming the event and field, never another exception.
 * Stateless; thread-safe.
 */
public final class IncidentEventJson {
  /** Format version written; the only one read. */
  public static final int VERSION = 1;

  /** The type name of each event class, as written in {@code "type"}. */
  public static final Map<Class<? extends IncidentEvent>, String> TYPES = Map.ofEntries(
      Map.entry(IncidentOpened.class, "incident.opened"),
      Map.entry(AlarmCorrelated.class, "alarm.correlated"),
      Map.entry(AreaChanged.class, "area.changed"),
      Map.entry(RoadsClosed.class, "roads.closed"),
      Map.entry(TaskCreated.class, "task.created"),
      Map.entry(TaskDispatched.class, "task.dispatched"),
      Map.entry(TaskRerouted.class, "task.rerouted"),
      Map.entry(TaskAcknowledged.class, "task.acknowledged"),
      Map.entry(TaskEscalated.class, "task.escalated"),
      Map.entry(UnitArrived.class, "task.arrived"),
      Map.entry(ArrivalOverdue.class, "task.arrival_overdue"),
      Map.entry(TaskCompleted.class, "task.completed"),
      Map.entry(TaskCancelled.class, "task.cancelled"),
      Map.entry(StatusChanged.class, "status.changed"));

  static final Set<String> COMMON = Set.of("v", "seq", "at", "type", "incident");
  private static final JsonFactory JSON = new JsonFactory();

  private IncidentEventJson() {}

  /**
   * One event as a line of JSON (no line breaks inside).
   *
   * @throws IllegalArgumentException when the event holds a value JSON cannot carry (a
   *     non-finite number)
   */
  public static String write(IncidentEvent e) {
    if (e.incidentId() == null) {
      throw new IllegalArgumentException("event " + e.seq() + " has no incident id");
    }
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeNumberField("seq", e.seq());
      g.writeNumberField("at", e.atMillis());
      g.writeStringField("type", TYPES.get(e.getClass()));
      g.writeStringField("incident", e.incidentId());
      EventWriter.members(g, e);
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException("writing to a string cannot fail", x);
    }
    return w.toString();
  }

  /** {@link #write} as UTF-8 bytes. */
  public static byte[] writeBytes(IncidentEvent e) {
    return write(e).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads one event from UTF-8 JSON bytes. */
  public static IncidentEvent read(byte[] json) {
    JsonNode root = JsonFields.parse(json, m -> new EventFormatException("incident event", null, m));
    return EventReader.read(root);
  }

  /** Reads one event from a JSON text (e.g. a journal line). */
  public static IncidentEvent read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The event class for a type name, or null. */
  static Class<? extends IncidentEvent> typeNamed(String name) {
    for (Map.Entry<Class<? extends IncidentEvent>, String> t : TYPES.entrySet()) {
      if (t.getValue().equals(name)) {
        return t.getKey();
      }
    }
    return null;
  }

  static List<String> typeNames() {
    return TYPES.values().stream().sorted().toList();
  }
}
