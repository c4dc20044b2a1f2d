package io.citytwin.sim.hazard.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.hazard.Inputs;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The parameters of a {@code traffic_incident} scenario ({@code parameters.*}):
 *
 * <table>
 *   <caption>traffic_incident parameters</caption>
 *   <tr><th>name</th><th>unit</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>closures[]</td><td></td><td>one closure {@code near} the scenario location</td><td>what is closed; each item gives exactly one of:</td></tr>
 *   <tr><td>&nbsp;&nbsp;edges</td><td>[edge index]</td><td></td><td>road graph edges (directed; close both directions of a street to shut it)</td></tr>
 *   <tr><td>&nbsp;&nbsp;wayId</td><td>OSM way id ({@code 123} or {@code "w123"})</td><td></td><td>every edge of that way, both directions</td></tr>
 *   <tr><td>&nbsp;&nbsp;near</td><td>{lat, lon}</td><td></td><td>edges within {@code radiusM} of the point</td></tr>
 *   <tr><td>&nbsp;&nbsp;radiusM</td><td>m</td><td>20</td><td>with {@code near}</td></tr>
 *   <tr><td>&nbsp;&nbsp;sameWay</td><td>boolean</td><td>true</td><td>with {@code near}: only the edges of the drivable way nearest the point (a crash closes its carriageway, not the cross streets), like twin-core's SEGMENT closure rule; false: every edge in the circle (AREA)</td></tr>
 *   <tr><td>&nbsp;&nbsp;from</td><td>ISO duration</td><td>PT0S</td><td>offset of the start from the scenario start</td></tr>
 *   <tr><td>&nbsp;&nbsp;duration</td><td>ISO duration</td><td>until the end</td><td>how long the closure lasts</td></tr>
 *   <tr><td>mode</td><td>car, foot</td><td>car</td><td>travel mode of the sample trips</td></tr>
 *   <tr><td>samplePairs</td><td>count</td><td>30</td><td>random origin–destination pairs (seeded), between road nodes within {@code sampleRadiusM} of the first closure</td></tr>
 *   <tr><td>sampleRadiusM</td><td>m</td><td>1500</td><td>see samplePairs</td></tr>
 *   <tr><td>pairs[]</td><td>{from: {lat, lon}, to: {lat, lon}}</td><td>none</td><td>trips to compare besides the random ones and the trips across each closure</td></tr>
 * </table>
 */
public record TrafficParams(List<Closure> closures, TravelMode mode, int samplePairs, double sampleRadiusM,
    List<Point[]> pairs) {

  private static final Set<String> KNOWN = Set.of("closures", "mode", "samplePairs", "sampleRadiusM", "pairs");
  private static final Set<String> CLOSURE = Set.of("edges", "wayId", "near", "radiusM", "sameWay", "from", "duration");
  private static final GeometryFactory GF = new GeometryFactory();

  public TrafficParams {
    closures = List.copyOf(closures);
    pairs = List.copyOf(pairs);
  }

  /** Validates {@code scenario.parameters()} against the city; errors name the JSON path. */
  public static TrafficParams parse(Scenario scenario, CityModel city) {
    Params p = scenario.parameters().onlyKnown(KNOWN);
    TravelMode mode = p.has("mode")
        ? TravelMode.valueOf(p.choice("mode", List.of("car", "foot")).toUpperCase(Locale.ROOT)) : TravelMode.CAR;
    List<Closure> closures = new ArrayList<>();
    if (p.has("closures")) {
      List<Params> items = p.objects("closures");
      if (items.isEmpty()) {
        throw p.fail("closures", "must list at least one closure");
      }
      for (Params c : items) {
        closures.add(closure(c, scenario, city));
      }
    } else {
      Point at = scenario.site().point();
      closures.add(new Closure("near the scenario location", near(p, "closures", city, at, 20, true), Duration.ZERO, null));
    }
    List<Point[]> pairs = new ArrayList<>();
    for (Params pair : p.objects("pairs")) {
      pair.onlyKnown(Set.of("from", "to"));
      pairs.add(new Point[] {Inputs.position(pair, "from", city), Inputs.position(pair, "to", city)});
    }
    return new TrafficParams(closures, mode, p.integer("samplePairs", 0, 500, 30),
        p.number("sampleRadiusM", 100, 20_000, 1500), pairs);
  }

  private static Closure closure(Params c, Scenario scenario, CityModel city) {
    c.onlyKnown(CLOSURE);
    int given = (c.has("edges") ? 1 : 0) + (c.has("wayId") ? 1 : 0) + (c.has("near") ? 1 : 0);
    if (given != 1) {
      throw c.fail(null, "give exactly one of 'edges', 'wayId' or 'near', found " + given);
    }
    if (!c.has("near") && (c.has("radiusM") || c.has("sameWay"))) {
      throw c.fail(c.has("radiusM") ? "radiusM" : "sameWay", "only applies with 'near'");
    }
    Duration from = Inputs.offset(c, "from", Duration.ZERO);
    if (from.compareTo(scenario.duration()) >= 0) {
      throw c.fail("from", from + " is not before the end of the scenario (" + scenario.duration() + ")");
    }
    Duration duration = c.has("duration") ? c.duration("duration") : null;
    RoadGraph roads = city.roads();
    if (c.has("edges")) {
      JsonNode a = c.node().get("edges");
      if (!a.isArray() || a.isEmpty()) {
        throw c.fail("edges", "must be a non-empty array of edge indices");
      }
      Set<Integer> edges = new TreeSet<>();
      for (int i = 0; i < a.size(); i++) {
        JsonNode e = a.get(i);
        if (!e.canConvertToInt() || !e.isIntegralNumber() || e.asInt() < 0 || e.asInt() >= roads.edges().size()) {
          throw c.fail("edges[" + i + "]", e + " is not an edge index 0.." + (roads.edges().size() - 1));
        }
        edges.add(e.asInt());
      }
      return new Closure("edges " + edges, List.copyOf(edges), from, duration);
    }
    if (c.has("wayId")) {
      String raw = Inputs.id(c, "wayId", c.node().get("wayId"));
      String digits = raw.startsWith("w") ? raw.substring(1) : raw;
      long way;
      try {
        way = Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw c.fail("wayId", "'" + raw + "' is not an OSM way id such as 4224978 or \"w4224978\"");
      }
      List<Integer> edges = roads.edges().stream().filter(e -> e.wayId() == way).map(RoadGraph.Edge::index).toList();
      if (edges.isEmpty()) {
        throw c.fail("wayId", "way " + way + " is not a road of " + city.name() + "'s road graph");
      }
      return new Closure("way " + way, edges, from, duration);
    }
    Point at = Inputs.position(c, "near", city);
    double radius = c.number("radiusM", 1, 500, 20);
    boolean sameWay = c.flag("sameWay", true);
    return new Closure((sameWay ? "the road" : "roads") + " within " + radius + " m of " + at.getY() + ", " + at.getX(),
        near(c, "near", city, at, radius, sameWay), from, duration);
  }

  /** Edges within {@code radiusM} of the point; with {@code sameWay}, of the nearest drivable way only. */
  private static List<Integer> near(Params p, String key, CityModel city, Point at, double radiusM, boolean sameWay) {
    Coordinate m = city.projection().toMetric(at.getCoordinate());
    Geometry circle = city.projection().toWgs84(GF.createPoint(m).buffer(radiusM, 16));
    RoadGraph roads = city.roads();
    List<Integer> inside = RoadClosures.intersecting(roads, circle).edges().boxed().toList();
    List<Integer> out = inside;
    if (sameWay) {
      Point pm = GF.createPoint(m);
      long way = -1;
      double best = Double.MAX_VALUE;
      for (int e : inside) {
        RoadGraph.Edge edge = roads.edges().get(e);
        if (edge.car()) {
          double d = city.projection().toMetric(edge.geometry()).distance(pm);
          if (d < best) {
            best = d;
            way = edge.wayId();
          }
        }
      }
      long chosen = way;
      out = inside.stream().filter(e -> roads.edges().get(e).wayId() == chosen).toList();
    }
    if (out.isEmpty()) {
      throw p.fail(key, "no " + (sameWay ? "drivable " : "") + "road within " + radiusM + " m of " + at.getY() + ", "
          + at.getX());
    }
    return out;
  }
}
