package io.citytwin.twin.rule.codec;

import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityType;
import io.citytwin.twin.rule.Condition;
import io.citytwin.twin.rule.Fence;
import io.citytwin.twin.rule.NamedArea;
import io.citytwin.twin.rule.RuleSpec;
import io.citytwin.twin.rule.RuleSpec.Geofence.Subject;
import io.citytwin.twin.rule.RuleSpec.Geofence.Trigger;
import io.citytwin.twin.rule.SensorSelection;
import io.citytwin.twin.telemetry.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the kind-specific fields of one geofence rule. */
final class Geofences {
  private static final List<String> FENCES = List.of("district", "area", "geometry", "wkt");
  private final Fields f;
  private final String ruleId;
  private final SensorSelection selection;
  private final CitySnapshot city;
  private final Map<String, NamedArea> areas;
  private final RuleParser parser;

  Geofences(Fields f, String ruleId, SensorSelection selection, CitySnapshot city,
      Map<String, NamedArea> areas, RuleParser parser) {
    this.f = f;
    this.ruleId = ruleId;
    this.selection = selection;
    this.city = city;
    this.areas = areas;
    this.parser = parser;
  }

  RuleSpec.Geofence geofence() {
    String s = f.text("subject");
    if (s != null && !s.equals("sensors") && !s.equals("hazards")) {
      throw f.fail("subject", "must be 'sensors' or 'hazards', found " + Fields.quote(s));
    }
    Subject subject = "hazards".equals(s) ? Subject.HAZARDS : Subject.SENSORS;
    if (subject == Subject.HAZARDS) {
      for (String field : List.of("sensor_kinds", "sensors", "quantity", "unit", "above", "below", "use_registered_location")) {
        if (f.has(field)) {
          throw f.fail(field, "only for geofences on sensors (this one watches hazards)");
        }
      }
    } else if (f.has("hazards")) {
      throw f.fail("hazards", "only for geofences with subject 'hazards'");
    }
    Quantity q = f.has("quantity") ? parser.quantity(f, selection) : null;
    Condition.Level value = null;
    if (f.has("above") || f.has("below")) {
      if (q == null) {
        throw f.fail("quantity", "missing: a value condition ('above'/'below') needs a quantity");
      }
      value = parser.level(f, q);
    } else if (f.has("unit") && q == null) {
      throw f.fail("unit", "a unit needs a quantity");
    }
    Fence fence = fence();
    String t = f.requiredText("trigger");
    if (!t.equals("inside") && !t.equals("outside")) {
      throw f.fail("trigger", "must be 'inside' or 'outside', found " + Fields.quote(t));
    }
    String place = f.text("place");
    if (place != null && !place.equals("sensor") && !place.equals("fence")) {
      throw f.fail("place", "must be 'sensor' or 'fence' for a geofence, found " + Fields.quote(place));
    }
    if (subject == Subject.HAZARDS && "sensor".equals(place)) {
      throw f.fail("place", "hazard alarms are keyed by the fence");
    }
    boolean byFence = subject == Subject.HAZARDS || "fence".equals(place);
    Boolean registered = f.bool("use_registered_location");
    return new RuleSpec.Geofence(subject, Set.copyOf(f.strings("hazards")), q, value, fence,
        t.equals("inside") ? Trigger.INSIDE : Trigger.OUTSIDE, byFence, registered == null || registered);
  }

  private Fence fence() {
    Fields ff = f.object("fence");
    ff.onlyKnown(Set.copyOf(FENCES), "of a fence");
    List<String> given = FENCES.stream().filter(ff::has).toList();
    if (given.size() != 1) {
      throw f.fail("fence", "give exactly one of " + String.join(", ", FENCES)
          + (given.isEmpty() ? "" : ", found " + String.join(" and ", given)));
    }
    switch (given.get(0)) {
      case "district" -> {
        String code = ff.requiredText("district");
        CityEntity d = district(code);
        if (d == null) {
          throw ff.fail("district", "unknown district " + Fields.quote(code) + " (known: "
              + city.entities(EntityType.DISTRICT).stream().map(e -> String.valueOf(e.attributes().get("code")))
                  .collect(Collectors.joining(", ")) + ")");
        }
        return new Fence(d.id().toString(), d.name(), d.geometry());
      }
      case "area" -> {
        String id = ff.requiredText("area");
        NamedArea a = areas.get(id);
        if (a == null) {
          throw ff.fail("area", "unknown area " + Fields.quote(id) + " (defined: "
              + (areas.isEmpty() ? "none" : String.join(", ", areas.keySet().stream().sorted().toList())) + ")");
        }
        return new Fence(a.key(), a.name(), a.geometry());
      }
      case "geometry" -> {
        return new Fence("area/" + ruleId, "fence " + ruleId,
            new Polygons(ff, "geometry", city.bounds()).geoJson(ff.raw("geometry")));
      }
      default -> {
        return new Fence("area/" + ruleId, "fence " + ruleId,
            new Polygons(ff, "wkt", city.bounds()).wkt(ff.requiredText("wkt")));
      }
    }
  }

  /** A district by code ({@code MC-CO}) or id ({@code district/MC-CO}). */
  private CityEntity district(String codeOrId) {
    for (CityEntity d : city.entities(EntityType.DISTRICT)) {
      if (d.id().toString().equals(codeOrId) || codeOrId.equals(d.attributes().get("code"))) {
        return d;
      }
    }
    return null;
  }
}
