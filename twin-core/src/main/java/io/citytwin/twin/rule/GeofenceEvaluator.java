package io.citytwin.twin.rule;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Geofence rules on sensor readings or hazard positions. A position on the fence line counts as
 * inside. Fires when the subject enters the triggering side (with a value condition: when both
 * hold), re-arms when it leaves it; no hysteresis; optional re-fire interval while it stays.
 */
final class GeofenceEvaluator extends Evaluator {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final long NONE = Long.MIN_VALUE;
  private final RuleSpec.Geofence spec;
  private final Sensor[] sensors;
  private final PlaceRef fencePlace;
  private final PreparedGeometry fence;
  private final Envelope envelope;

  GeofenceEvaluator(Rule rule, List<Sensor> sensors) {
    super(rule);
    this.spec = (RuleSpec.Geofence) rule.spec();
    this.sensors = sensors.toArray(Sensor[]::new);
    this.fencePlace = new PlaceRef(spec.fence().key(), spec.fence().label(), spec.fence().geometry());
    this.fence = PreparedGeometryFactory.prepare(spec.fence().geometry());
    this.envelope = spec.fence().geometry().getEnvelopeInternal();
  }

  /** Sensor slots in arrays; hazards, which come and go, in a map by id. */
  private static final class State extends RuleState {
    final long[] lastTs;
    final boolean[] triggered;
    final long[] lastFired;
    final Map<String, Track> hazards;

    State(int slots) {
      lastTs = new long[slots];
      Arrays.fill(lastTs, NONE);
      triggered = new boolean[slots];
      lastFired = new long[slots];
      hazards = new HashMap<>();
    }

    private State(State o) {
      lastTs = o.lastTs.clone();
      triggered = o.triggered.clone();
      lastFired = o.lastFired.clone();
      hazards = new HashMap<>();
      o.hazards.forEach((id, h) -> hazards.put(id, h.copy()));
    }

    @Override
    RuleState copy() {
      return new State(this);
    }
  }

  /** One hazard's progress through the rule. */
  private static final class Track {
    long lastTs = NONE;
    boolean triggered;
    long lastFired;

    Track copy() {
      Track t = new Track();
      t.lastTs = lastTs;
      t.triggered = triggered;
      t.lastFired = lastFired;
      return t;
    }
  }

  @Override
  RuleState newState() {
    return new State(sensors.length);
  }

  @Override
  List<String> slotSensors() {
    List<String> ids = new ArrayList<>(sensors.length);
    for (Sensor s : sensors) {
      ids.add(s.id());
    }
    return ids;
  }

  @Override
  Quantity slotQuantity(int slot) {
    return spec.quantity();
  }

  @Override
  List<Object> signature() {
    return List.of(rule, slotSensors());
  }

  @Override
  void reading(RuleState rs, int slot, Reading r, long receivedAtMillis, Firing out) {
    State s = (State) rs;
    long ts = r.timestampMillis();
    if (s.lastTs[slot] != NONE && ts <= s.lastTs[slot]) {
      return;
    }
    Position p = r.position() != null ? r.position() : spec.useRegisteredLocation() ? sensors[slot].location() : null;
    if (p == null) {
      return;
    }
    s.lastTs[slot] = ts;
    boolean now = onTriggerSide(p) && (spec.value() == null || spec.value().enters(r.value()));
    if (!now) {
      s.triggered[slot] = false;
      return;
    }
    boolean entering = !s.triggered[slot];
    if (entering || rule.refireMillis() > 0 && ts - s.lastFired[slot] >= rule.refireMillis()) {
      s.triggered[slot] = true;
      s.lastFired[slot] = ts;
      PlaceRef place = spec.keyByFence() ? fencePlace
          : new PlaceRef("sensor/" + sensors[slot].id(), sensors[slot].name(), point(p));
      String detail = sensors[slot].name() + side() + (spec.value() == null ? ""
          : ", " + r.quantity().canonicalName() + " " + number(r.value()) + " " + r.quantity().canonicalUnit());
      out.add(alarm(rule.severity(), place, detail,
          List.of(new Evidence(r.sensorId(), r.quantity(), r.value(), ts)), ts, out));
    }
  }

  @Override
  void hazard(RuleState rs, Hazard h, Firing out) {
    if (!spec.hazardIds().isEmpty() && !spec.hazardIds().contains(h.id())) {
      return;
    }
    State s = (State) rs;
    Track track = s.hazards.computeIfAbsent(h.id(), id -> new Track());
    long ts = h.timestampMillis();
    if (track.lastTs != NONE && ts <= track.lastTs) {
      return;
    }
    track.lastTs = ts;
    if (!onTriggerSide(h.position())) {
      track.triggered = false;
      return;
    }
    if (!track.triggered || rule.refireMillis() > 0 && ts - track.lastFired >= rule.refireMillis()) {
      track.triggered = true;
      track.lastFired = ts;
      out.add(alarm(rule.severity(), fencePlace, "hazard " + h.id() + side(), List.of(), ts, out));
    }
  }

  private boolean onTriggerSide(Position p) {
    boolean inside = envelope.covers(p.lon(), p.lat()) && fence.covers(point(p));
    return inside == (spec.trigger() == RuleSpec.Geofence.Trigger.INSIDE);
  }

  private String side() {
    return spec.trigger() == RuleSpec.Geofence.Trigger.INSIDE ? " inside " + spec.fence().label()
        : " outside " + spec.fence().label();
  }

  private static Point point(Position p) {
    return GF.createPoint(new Coordinate(p.lon(), p.lat()));
  }
}
