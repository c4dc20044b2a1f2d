package io.citytwin.twin.rule;

import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.sensor.Sensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Resolves the places of sensors once, when an engine is built, so that evaluation never touches
 * the CIM. Equal places share one {@link PlaceRef} (and so one geometry).
 */
final class Places {
  private static final GeometryFactory GF = new GeometryFactory();

  private final CitySnapshot city;
  private final List<NamedArea> areas;
  private final List<PreparedGeometry> preparedAreas = new ArrayList<>();
  private final Map<String, PlaceRef> cache = new HashMap<>();

  Places(CitySnapshot city, List<NamedArea> areas) {
    this.city = city;
    this.areas = areas;
    for (NamedArea a : areas) {
      preparedAreas.add(PreparedGeometryFactory.prepare(a.geometry()));
    }
  }

  /** The sensor's place at {@code level}, or the sensor itself when it has none there. */
  PlaceRef of(Sensor s, PlaceLevel level) {
    List<PlaceRef> places = groups(s, level);
    return places.isEmpty() ? sensor(s) : places.get(0);
  }

  /**
   * The places of {@code level} the sensor is in: none when its placement has none, several only
   * for named areas that overlap (in file order).
   */
  List<PlaceRef> groups(Sensor s, PlaceLevel level) {
    return switch (level) {
      case SENSOR -> List.of(sensor(s));
      case BUILDING -> entity(s.placement().building());
      case DISTRICT -> entity(s.placement().district());
      case ROAD -> entity(s.placement().road());
      case AREA -> areasOf(s);
    };
  }

  PlaceRef sensor(Sensor s) {
    return cache.computeIfAbsent("sensor/" + s.id(), key -> new PlaceRef(key, s.name(),
        GF.createPoint(new Coordinate(s.location().lon(), s.location().lat()))));
  }

  private List<PlaceRef> entity(EntityId id) {
    if (id == null) {
      return List.of();
    }
    PlaceRef p = cache.computeIfAbsent(id.toString(), key -> city.entity(id)
        .map(e -> new PlaceRef(key, label(e), e.geometry()))
        .orElse(null));
    return p == null ? List.of() : List.of(p);
  }

  private List<PlaceRef> areasOf(Sensor s) {
    List<PlaceRef> out = new ArrayList<>(1);
    for (int i = 0; i < areas.size(); i++) {
      NamedArea a = areas.get(i);
      boolean member = a.sensors().isEmpty()
          ? preparedAreas.get(i).covers(GF.createPoint(new Coordinate(s.location().lon(), s.location().lat())))
          : a.sensors().contains(s.id());
      if (member) {
        out.add(cache.computeIfAbsent(a.key(), key -> new PlaceRef(key, a.name(), a.geometry())));
      }
    }
    return out;
  }

  private static String label(CityEntity e) {
    return e.name().isBlank() ? e.id().toString() : e.name();
  }
}
