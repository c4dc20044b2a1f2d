package io.citytwin.geo.city;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.index.DistrictIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmGeometry;
import io.citytwin.geo.osm.OsmNode;
import io.citytwin.geo.osm.OsmRelation;
import io.citytwin.geo.osm.OsmWay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * Extracts buildings and points of interest lying inside the city boundary (judged by the
 * footprint's interior point, so a building straddling the border counts once, on one side).
 * Objects whose geometry cannot be built are skipped and counted in the warnings.
 */
final class Features {
  private final OsmData osm;
  private final OsmGeometry geo;
  private final GeometryFactory gf;
  private final PreparedGeometry boundary;
  private final MetricProjection projection;
  private final DistrictIndex districts;
  private final List<String> warnings;

  Features(OsmData osm, GeometryFactory gf, PreparedGeometry boundary, MetricProjection projection,
      DistrictIndex districts, List<String> warnings) {
    this.osm = osm;
    this.geo = new OsmGeometry(osm, gf);
    this.gf = gf;
    this.boundary = boundary;
    this.projection = projection;
    this.districts = districts;
    this.warnings = warnings;
  }

  List<Building> buildings() {
    List<Building> out = new ArrayList<>();
    int broken = 0;
    for (OsmWay w : osm.ways()) {
      if (isBuilding(w.tags())) {
        Geometry g = geo.closedWay(w);
        if (g == null) {
          broken++;
        } else {
          addBuilding(out, "building/w" + w.id(), w.tags(), g);
        }
      }
    }
    for (OsmRelation r : osm.relations()) {
      if (isBuilding(r.tags()) && "multipolygon".equals(r.tags().get("type"))) {
        try {
          addBuilding(out, "building/r" + r.id(), r.tags(), geo.area(r));
        } catch (IllegalArgumentException e) {
          broken++;
        }
      }
    }
    if (broken > 0) {
      warnings.add(broken + " building footprints skipped: not closed or nodes missing from the file");
    }
    return List.copyOf(out);
  }

  private static boolean isBuilding(Map<String, String> tags) {
    String b = tags.get("building");
    return b != null && !b.equals("no");
  }

  private void addBuilding(List<Building> out, String id, Map<String, String> tags, Geometry g) {
    Point inside = g.getInteriorPoint();
    if (inside.isEmpty() || !boundary.covers(inside)) {
      return;
    }
    BuildingUse use = BuildingTags.use(tags);
    int levels = BuildingTags.levels(tags);
    out.add(new Building(id, tags.getOrDefault("name", ""), g, use, levels,
        BuildingTags.height(tags, levels), projection.areaM2(g), districtId(g)));
  }

  List<Poi> pois() {
    List<Poi> out = new ArrayList<>();
    for (OsmNode n : osm.taggedNodes()) {
      addPois(out, "n" + n.id(), n.tags(), gf.createPoint(new Coordinate(n.lon(), n.lat())));
    }
    for (OsmWay w : osm.ways()) {
      if (hasPoiTag(w.tags())) {
        Geometry g = geo.closedWay(w);
        LineString line = g == null ? geo.line(w) : null;
        Geometry shape = g != null ? g : line;
        if (shape != null) {
          addPois(out, "w" + w.id(), w.tags(), shape.getInteriorPoint());
        }
      }
    }
    for (OsmRelation r : osm.relations()) {
      if (hasPoiTag(r.tags())) {
        try {
          addPois(out, "r" + r.id(), r.tags(), geo.area(r).getInteriorPoint());
        } catch (IllegalArgumentException e) {
          warnings.add("point of interest relation r" + r.id() + " skipped: " + e.getMessage());
        }
      }
    }
    return List.copyOf(out);
  }

  private static boolean hasPoiTag(Map<String, String> tags) {
    for (PoiKind k : PoiKind.values()) {
      if (k.osmValue().equals(tags.get(k.osmKey()))) {
        return true;
      }
    }
    return false;
  }

  private void addPois(List<Poi> out, String osmRef, Map<String, String> tags, Point at) {
    if (at.isEmpty() || !boundary.covers(at)) {
      return;
    }
    boolean first = true;
    for (PoiKind k : PoiKind.values()) {
      if (k.osmValue().equals(tags.get(k.osmKey()))) {
        // An object with two kinds (a shelter that is also an assembly point) yields two POIs.
        String id = "poi/" + osmRef + (first ? "" : "/" + k.apiName());
        out.add(new Poi(id, k, tags.getOrDefault("name", ""), at, districtId(at)));
        first = false;
      }
    }
  }

  private String districtId(Geometry g) {
    return districts.districtOf(g).map(d -> d.id()).orElse("");
  }
}
