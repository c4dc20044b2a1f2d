package io.citytwin.twin.cim;

import io.citytwin.geo.city.CityModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable city information model: every entity of one city, looked up by id, by type or by
 * area. Built once (a few hundred milliseconds for a city the size of Monaco) and then safe to
 * share between threads without locking.
 */
public final class CitySnapshot {
  private final CityModel source;
  private final Map<EntityId, CityEntity> byId;
  private final Map<EntityType, List<CityEntity>> byType;
  private final Map<EntityType, STRtree> index;
  private final Envelope bounds;

  private CitySnapshot(CityModel source, List<CityEntity> entities) {
    this.source = source;
    Map<EntityId, CityEntity> ids = new LinkedHashMap<>();
    Map<EntityType, List<CityEntity>> types = new EnumMap<>(EntityType.class);
    Map<EntityType, STRtree> trees = new EnumMap<>(EntityType.class);
    Envelope env = new Envelope();
    for (EntityType t : EntityType.values()) {
      types.put(t, new ArrayList<>());
      trees.put(t, new STRtree());
    }
    for (CityEntity e : entities) {
      if (ids.putIfAbsent(e.id(), e) != null) {
        throw new IllegalArgumentException(source.name() + ": duplicate entity id " + e.id());
      }
      types.get(e.type()).add(e);
      trees.get(e.type()).insert(e.geometry().getEnvelopeInternal(), e);
      env.expandToInclude(e.geometry().getEnvelopeInternal());
    }
    types.replaceAll((t, list) -> List.copyOf(list));
    trees.values().forEach(STRtree::build);
    this.byId = Collections.unmodifiableMap(ids);
    this.byType = Collections.unmodifiableMap(types);
    this.index = trees;
    this.bounds = env;
  }

  /** The CIM of a city model: its districts, buildings, roads (one entity per way) and POIs. */
  public static CitySnapshot of(CityModel model) {
    return new CitySnapshot(model, CityEntities.all(model));
  }

  /** The model this snapshot was built from (for routing and other GIS work). */
  public CityModel source() {
    return source;
  }

  public String cityName() {
    return source.name();
  }

  /** Licence text that must be shown with anything derived from this snapshot. */
  public String attribution() {
    return source.attribution();
  }

  public Optional<CityEntity> entity(EntityId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Entities of one type in source order. */
  public List<CityEntity> entities(EntityType type) {
    return byType.get(type);
  }

  public int count(EntityType type) {
    return byType.get(type).size();
  }

  /** Number of entities of every type. */
  public int size() {
    return byId.size();
  }

  /** Envelope of all entity geometries (lon = x, lat = y); empty when there are none. */
  public Envelope bounds() {
    return new Envelope(bounds);
  }

  /** Entities of one type whose geometry intersects the box, in source order. */
  public List<CityEntity> intersecting(EntityType type, BoundingBox box) {
    Envelope env = box.toEnvelope();
    Geometry boxGeometry = box.toPolygon();
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(boxGeometry);
    List<CityEntity> hits = new ArrayList<>();
    for (Object o : index.get(type).query(env)) {
      CityEntity e = (CityEntity) o;
      if (prepared.intersects(e.geometry())) {
        hits.add(e);
      }
    }
    // The tree returns hits in tree order; keep source order so responses are stable.
    java.util.Set<CityEntity> hitSet =
        Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    hitSet.addAll(hits);
    List<CityEntity> ordered = new ArrayList<>(hits.size());
    for (CityEntity e : entities(type)) {
      if (hitSet.contains(e)) {
        ordered.add(e);
      }
    }
    return ordered;
  }
}
