package io.citytwin.twin.vertx;

import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityType;
import io.citytwin.twin.layer.GeoJsonWriter;
import io.citytwin.twin.layer.LayerInfo;
import io.citytwin.twin.state.EntityState;
import io.citytwin.twin.state.TwinEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** JSON shapes of the CIM on the event bus (see {@link CimAddresses}). */
public final class CimJson {
  private CimJson() {}

  public static JsonObject summary(CitySnapshot cim, long revision) {
    JsonObject counts = new JsonObject();
    for (EntityType t : EntityType.values()) {
      counts.put(t.prefix(), cim.count(t));
    }
    var pop = cim.source().population();
    return new JsonObject()
        .put("city", cim.cityName())
        .put("attribution", cim.attribution())
        .put("bbox", bbox(BoundingBox.of(cim.bounds())))
        .put("counts", counts)
        .put(
            "population",
            new JsonObject()
                .put("total", pop.total())
                .put("synthetic", pop.synthetic())
                .put("source", pop.source()))
        .put("warnings", new JsonArray(cim.source().warnings()))
        .put("revision", revision);
  }

  public static JsonObject entity(CityEntity e, Optional<EntityState> state) {
    return new JsonObject()
        .put("id", e.id().toString())
        .put("type", e.type().prefix())
        .put("name", e.name())
        .put("attributes", new JsonObject(new java.util.LinkedHashMap<>(e.attributes())))
        .put("geometry", new JsonObject(GeoJsonWriter.geometry(e.geometry())))
        .put("state", state.map(CimJson::state).orElse(null));
  }

  static JsonObject state(EntityState s) {
    return new JsonObject()
        .put("revision", s.revision())
        .put("modified", s.modified().toString())
        .put("properties", new JsonObject(new java.util.LinkedHashMap<>(s.properties())));
  }

  public static JsonObject layerInfo(LayerInfo info) {
    return new JsonObject()
        .put("name", info.name())
        .put("title", info.title())
        .put("geometryType", info.geometryType())
        .put("featureCount", info.featureCount())
        .put("bbox", bbox(info.bbox()))
        .put("attribution", info.attribution())
        .put("synthetic", info.synthetic());
  }

  public static JsonObject event(TwinEvent event) {
    JsonObject json =
        new JsonObject()
            .put("revision", event.revision())
            .put("timestamp", event.timestamp().toString())
            .put("entityId", event.entityId().toString());
    if (event instanceof TwinEvent.PropertyModified m) {
      json.put("event", "property-modified").put("key", m.key()).put("value", m.value());
    } else if (event instanceof TwinEvent.PropertyDeleted d) {
      json.put("event", "property-deleted").put("key", d.key());
    }
    return json;
  }

  static JsonArray bbox(Optional<BoundingBox> box) {
    return box.map(b -> new JsonArray().add(b.minLon()).add(b.minLat()).add(b.maxLon()).add(b.maxLat()))
        .orElse(null);
  }
}
