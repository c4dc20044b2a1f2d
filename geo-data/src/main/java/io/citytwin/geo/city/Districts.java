package io.citytwin.geo.city;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.geojson.GeoJsonAreas;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmGeometry;
import io.citytwin.geo.osm.OsmRelation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/** Builds the district layer from a GeoJSON file or from OSM admin_level 9/10 relations. */
final class Districts {
  /** Properties tried, in order, for the code when none is configured. */
  private static final List<String> CODE_KEYS = List.of("ISO3166-2", "ref", "code", "osm_relation_id");

  private Districts() {}

  /**
   * Districts from GeoJSON features. {@code codeProperty} null means: the first of {@link
   * #CODE_KEYS} present, else the feature index.
   */
  static List<District> fromGeoJson(
      List<GeoJsonAreas.Feature> features, String source, String nameProperty, String codeProperty,
      MetricProjection projection) {
    List<District> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (GeoJsonAreas.Feature f : features) {
      String name = f.properties().get(nameProperty);
      if (name == null || name.isBlank()) {
        throw new GisInputException(source, f.label() + " has no '" + nameProperty + "' property");
      }
      String code = codeProperty != null ? f.properties().get(codeProperty) : autoCode(f);
      if (code == null || code.isBlank()) {
        throw new GisInputException(source, f.label() + " has no '" + codeProperty + "' property");
      }
      String id = "district/" + code;
      if (!ids.add(id)) {
        throw new GisInputException(source, f.label() + " repeats the district code '" + code + "'");
      }
      out.add(new District(id, name, code, f.geometry(), projection.areaM2(f.geometry())));
    }
    return List.copyOf(out);
  }

  private static String autoCode(GeoJsonAreas.Feature f) {
    for (String k : CODE_KEYS) {
      String v = f.properties().get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "f" + f.index();
  }

  /**
   * Districts from complete admin_level 9 (or, when there are none, 10) boundary relations whose
   * interior point lies inside the city boundary.
   */
  static List<District> fromOsm(
      OsmData osm, PreparedGeometry boundary, MetricProjection projection, GeometryFactory gf,
      List<String> warnings) {
    OsmGeometry geo = new OsmGeometry(osm, gf);
    for (String level : List.of("9", "10")) {
      List<District> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (OsmRelation r : osm.relations()) {
        if (!"administrative".equals(r.tags().get("boundary")) || !level.equals(r.tags().get("admin_level"))) {
          continue;
        }
        Geometry g;
        try {
          g = geo.area(r);
        } catch (IllegalArgumentException e) {
          warnings.add("district relation r" + r.id() + " skipped: " + e.getMessage());
          continue;
        }
        if (!boundary.covers(g.getInteriorPoint())) {
          continue;
        }
        String code = r.tags().getOrDefault("ISO3166-2", r.tags().getOrDefault("ref", "r" + r.id()));
        if (!ids.add(code)) {
          code = "r" + r.id();
          ids.add(code);
        }
        String name = r.tags().getOrDefault("name", code);
        out.add(new District("district/" + code, name, code, g, projection.areaM2(g)));
      }
      if (!out.isEmpty()) {
        return List.copyOf(out);
      }
    }
    warnings.add("no districts: no district file given and no admin_level 9/10 boundaries inside the city");
    return List.of();
  }
}
