package io.citytwin.sim.evacuation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.population.PopulationAllocator;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import io.citytwin.twin.disposal.ResponsePlanFile;
import io.citytwin.twin.disposal.ResponsePlans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * "Gridtown": a 7 x 7 grid of junctions about 200 m apart, junction (x, y) at lon 7.400 +
 * 0.0025 x, lat 43.700 + 0.0018 y, node index 7 y + x. Streets are two-way residential (30 km/h,
 * one lane each way, 500 veh/h) except row y = 3, a two-lane 50 km/h secondary road (1,800 veh/h
 * per direction). One residential building sits in each of the 36 blocks; 3,600 synthetic residents
 * are shared over them by floor area. Assembly points stand just outside the four corners, a fire
 * station near (1, 5).
 */
final class GridTown {
  static final int SIZE = 7;
  static final GeometryFactory GF = new GeometryFactory();
  static final MetricProjection UTM = MetricProjection.utmFor(7.4075, 43.7054);
  static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CityModel model;
  private static CityIndex index;

  private GridTown() {}

  static double lon(double x) {
    return 7.400 + 0.0025 * x;
  }

  static double lat(double y) {
    return 43.700 + 0.0018 * y;
  }

  static int node(int x, int y) {
    return SIZE * y + x;
  }

  static synchronized CityModel model() {
    if (model == null) {
      model = build();
    }
    return model;
  }

  static synchronized CityIndex index() {
    if (index == null) {
      index = new CityIndex(model());
    }
    return index;
  }

  /** Response plans for the grid: one fire unit per station, 60 s turnout, chemical releases. */
  static ResponsePlans plans() {
    try (InputStream in = GridTown.class.getResourceAsStream("/gridtown-plans.json")) {
      return ResponsePlanFile.read(in, "gridtown-plans.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rectangle between junctions (x0, y0) and (x1, y1), fractional positions allowed. */
  static Geometry box(double x0, double y0, double x1, double y1) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(lon(x0), lat(y0)), new Coordinate(lon(x1), lat(y0)),
        new Coordinate(lon(x1), lat(y1)), new Coordinate(lon(x0), lat(y1)), new Coordinate(lon(x0), lat(y0))});
  }

  /** A scenario on the grid with these parameters (JSON) and interventions. */
  static Scenario scenario(String parameters, long seed, Duration duration, Duration step,
      List<Scenario.Intervention> interventions) {
    Geometry centre = box(2.5, 2.5, 3.5, 3.5);
    Site site = new Site(centre.getInteriorPoint(), centre, null);
    return new Scenario("grid", "Gridtown test", ScenarioType.EVACUATION, Scenario.Mode.FORECAST, site, START,
        duration, step, seed, params("parameters", parameters), interventions, "grid.json");
  }

  static Params params(String path, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new Params("grid.json", path, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CityModel build() {
    List<RoadGraph.Node> nodes = new ArrayList<>();
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        nodes.add(new RoadGraph.Node(node(x, y), 20_000 + node(x, y), lon(x), lat(y)));
      }
    }
    List<RoadGraph.Edge> edges = new ArrayList<>();
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (x + 1 < SIZE) {
          street(edges, nodes, node(x, y), node(x + 1, y), 100 + y, y == 3);
        }
        if (y + 1 < SIZE) {
          street(edges, nodes, node(x, y), node(x, y + 1), 200 + x, false);
        }
      }
    }
    List<Building> buildings = new ArrayList<>();
    for (int y = 0; y < SIZE - 1; y++) {
      for (int x = 0; x < SIZE - 1; x++) {
        double side = 0.00025 + 0.00005 * ((x + 2 * y) % 3);
        Geometry g = square(lon(x + 0.5) - side / 2, lat(y + 0.5) - side / 2, side);
        buildings.add(new Building("building/w" + (1000 + 10 * y + x), "", g, BuildingUse.RESIDENTIAL, 4, 12,
            UTM.areaM2(g), "district/GT"));
      }
    }
    List<Poi> pois = List.of(
        poi("poi/n1", PoiKind.ASSEMBLY_POINT, "South-west field", -0.1, -0.1),
        poi("poi/n2", PoiKind.ASSEMBLY_POINT, "South-east field", SIZE - 0.9, -0.1),
        poi("poi/n3", PoiKind.ASSEMBLY_POINT, "North-west field", -0.1, SIZE - 0.9),
        poi("poi/n4", PoiKind.ASSEMBLY_POINT, "North-east field", SIZE - 0.9, SIZE - 0.9),
        poi("poi/n5", PoiKind.SCHOOL, "Central school", 3.05, 3.05),
        poi("poi/n6", PoiKind.FIRE_STATION, "Fire station", 1.05, 5.05));
    Geometry all = box(-0.5, -0.5, SIZE - 0.5, SIZE - 0.5);
    return new CityModel("Gridtown", "test fixture", all, UTM,
        List.of(new District("district/GT", "Gridtown", "GT", all, UTM.areaM2(all))), new RoadGraph(nodes, edges),
        buildings, pois, PopulationAllocator.allocate(3600, "fixture", buildings, Building::floorAreaM2), List.of());
  }

  private static void street(List<RoadGraph.Edge> edges, List<RoadGraph.Node> nodes, int a, int b, long way,
      boolean main) {
    edges.add(edge(edges.size(), nodes.get(a), nodes.get(b), way, main));
    edges.add(edge(edges.size(), nodes.get(b), nodes.get(a), way, main));
  }

  private static RoadGraph.Edge edge(int index, RoadGraph.Node a, RoadGraph.Node b, long way, boolean main) {
    LineString line = GF.createLineString(
        new Coordinate[] {new Coordinate(a.lon(), a.lat()), new Coordinate(b.lon(), b.lat())});
    return new RoadGraph.Edge(index, a.index(), b.index(), way, (main ? "Main road " : "Street ") + way,
        main ? "secondary" : "residential", UTM.lengthM(line), main ? 50 : 30, main ? 2 : 1, main ? 1800 : 500,
        true, true, line);
  }

  private static Poi poi(String id, PoiKind kind, String name, double x, double y) {
    return new Poi(id, kind, name, GF.createPoint(new Coordinate(lon(x), lat(y))), "district/GT");
  }

  static Geometry square(double lon, double lat, double side) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + side, lat),
        new Coordinate(lon + side, lat + side), new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
  }
}
