package io.citytwin.twin.cim;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the typed GIS layers of a {@link CityModel} to CIM entities. Pure functions; the attribute
 * names chosen here are what the API and the dashboard show.
 */
final class CityEntities {
  private CityEntities() {}

  static List<CityEntity> all(CityModel model) {
    List<CityEntity> out = new ArrayList<>();
    Map<String, Integer> districtResidents = model.population().residentsByDistrict();
    Map<String, Integer> buildingResidents = model.population().residentsByBuilding();
    for (District d : model.districts()) {
      out.add(district(d, districtResidents.get(d.id())));
    }
    for (Building b : model.buildings()) {
      out.add(building(b, buildingResidents.get(b.id())));
    }
    out.addAll(RoadSegments.of(model.roads()));
    for (Poi p : model.pois()) {
      out.add(poi(p));
    }
    return out;
  }

  static CityEntity district(District d, Integer residents) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("code", d.code());
    a.put("areaM2", round1(d.areaM2()));
    if (residents != null) {
      a.put("residents", residents);
      a.put("residentsSynthetic", true);
    }
    return new CityEntity(idOf(EntityType.DISTRICT, d.id()), d.name(), d.geometry(), a);
  }

  static CityEntity building(Building b, Integer residents) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("use", b.use().name().toLowerCase(java.util.Locale.ROOT));
    a.put("levels", b.levels());
    a.put("heightM", round1(b.heightM()));
    a.put("footprintM2", round1(b.footprintM2()));
    a.put("floorAreaM2", round1(b.floorAreaM2()));
    if (!b.districtId().isEmpty()) {
      a.put("districtId", b.districtId());
    }
    if (residents != null) {
      a.put("residents", residents);
      a.put("residentsSynthetic", true);
    }
    return new CityEntity(idOf(EntityType.BUILDING, b.id()), b.name(), b.footprint(), a);
  }

  static CityEntity poi(Poi p) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kind", p.kind().apiName());
    if (!p.districtId().isEmpty()) {
      a.put("districtId", p.districtId());
    }
    return new CityEntity(idOf(EntityType.POI, p.id()), p.name(), p.location(), a);
  }

  /** Parses a geo-data id and checks it is of the expected type. */
  static EntityId idOf(EntityType expected, String geoId) {
    EntityId id = EntityId.parse(geoId);
    if (id.type() != expected) {
      throw new IllegalArgumentException(
          "id '" + geoId + "' should start with '" + expected.prefix() + "/'");
    }
    return id;
  }

  static double round1(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
