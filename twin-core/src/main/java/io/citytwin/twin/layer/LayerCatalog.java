package io.citytwin.twin.layer;

import io.citytwin.geo.layer.Population;
import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The map layers of one {@link CitySnapshot}: their descriptions and their features as GeoJSON.
 * Immutable and thread-safe. {@link #geoJson} is CPU-bound (tens of milliseconds for a thousand
 * buildings): call it off the event loop.
 */
public final class LayerCatalog {
  private final CitySnapshot snapshot;
  private final List<CityEntity> populationFeatures;
  private final Map<Layer, LayerInfo> infos = new java.util.EnumMap<>(Layer.class);

  public LayerCatalog(CitySnapshot snapshot) {
    this.snapshot = snapshot;
    this.populationFeatures = populationFeatures(snapshot);
    for (Layer l : Layer.values()) {
      infos.put(l, describe(l));
    }
  }

  public CitySnapshot snapshot() {
    return snapshot;
  }

  /** Every layer, in {@link Layer} order. */
  public List<LayerInfo> infos() {
    return List.copyOf(infos.values());
  }

  public LayerInfo info(Layer layer) {
    return infos.get(layer);
  }

  private LayerInfo describe(Layer layer) {
    List<CityEntity> features = features(layer);
    Envelope env = new Envelope();
    features.forEach(e -> env.expandToInclude(e.geometry().getEnvelopeInternal()));
    return new LayerInfo(
        layer.apiName(),
        layer.title(),
        layer.geometryType(),
        features.size(),
        BoundingBox.of(env),
        snapshot.attribution(),
        layer.synthetic());
  }

  /** All features of a layer, in source order. */
  public List<CityEntity> features(Layer layer) {
    return layer == Layer.POPULATION ? populationFeatures : snapshot.entities(layer.source());
  }

  /** Features of a layer whose geometry intersects {@code bbox}, or all of them. */
  public List<CityEntity> features(Layer layer, Optional<BoundingBox> bbox) {
    if (bbox.isEmpty()) {
      return features(layer);
    }
    if (layer != Layer.POPULATION) {
      return snapshot.intersecting(layer.source(), bbox.get());
    }
    var ids = new java.util.HashSet<>();
    snapshot.intersecting(layer.source(), bbox.get()).forEach(e -> ids.add(e.id()));
    return populationFeatures.stream().filter(e -> ids.contains(e.id())).toList();
  }

  /**
   * The layer as a GeoJSON FeatureCollection (UTF-8) with foreign members {@code name}, {@code
   * title}, {@code attribution} and {@code synthetic}; when {@code bbox} is given, only the
   * features intersecting it and a {@code filterBbox} member echoing it.
   */
  public byte[] geoJson(Layer layer, Optional<BoundingBox> bbox) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("name", layer.apiName());
    members.put("title", layer.title());
    members.put("attribution", snapshot.attribution());
    members.put("synthetic", layer.synthetic());
    bbox.ifPresent(b -> members.put("filterBbox", b.toArray()));
    return GeoJsonWriter.featureCollection(features(layer, bbox), members);
  }

  private static List<CityEntity> populationFeatures(CitySnapshot snapshot) {
    Population population = snapshot.source().population();
    List<CityEntity> out = new ArrayList<>();
    for (CityEntity d : snapshot.entities(io.citytwin.twin.cim.EntityType.DISTRICT)) {
      int residents = population.residentsByDistrict().getOrDefault(d.id().toString(), 0);
      double areaM2 = ((Number) d.attributes().getOrDefault("areaM2", 0.0)).doubleValue();
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("code", d.attributes().getOrDefault("code", ""));
      a.put("residents", residents);
      a.put("densityPerKm2", areaM2 > 0 ? Math.round(residents / (areaM2 / 1e6)) : 0L);
      a.put("synthetic", true);
      a.put("source", population.source());
      out.add(new CityEntity(d.id(), d.name(), d.geometry(), a));
    }
    return List.copyOf(out);
  }
}
