package io.citytwin.bench;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Population;
import io.citytwin.geo.road.RoadGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** TEMPORARY synthetic grid while the importer is being written. */
final class BenchCity {
  private static CityModel model;

  private BenchCity() {}

  static synchronized CityModel model() {
    if (model == null) {
      model = grid();
    }
    return model;
  }

  private static CityModel grid() {
    GeometryFactory gf = new GeometryFactory();
    int n = 60;
    List<RoadGraph.Node> nodes = new ArrayList<>();
    List<RoadGraph.Edge> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        nodes.add(new RoadGraph.Node(nodes.size(), nodes.size(), 7.40 + i * 0.0005, 43.72 + j * 0.0004));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int a = i * n + j;
        if (i + 1 < n) {
          add(edges, nodes, a, a + n, gf);
          add(edges, nodes, a + n, a, gf);
        }
        if (j + 1 < n) {
          add(edges, nodes, a, a + 1, gf);
          add(edges, nodes, a + 1, a, gf);
        }
      }
    }
    List<District> districts = new ArrayList<>();
    for (int k = 0; k < 9; k++) {
      double x = 7.40 + (k % 3) * 0.01;
      double y = 43.72 + (k / 3) * 0.008;
      districts.add(new District("d" + k, "d" + k, "d" + k, gf.toGeometry(new Envelope(x, x + 0.01, y, y + 0.008)), 1));
    }
    return new CityModel("grid", "", gf.toGeometry(new Envelope(7.40, 7.43, 43.72, 43.744)),
        MetricProjection.utmFor(7.42, 43.73), districts, new RoadGraph(nodes, edges), List.of(), List.of(),
        new Population(0, "", Map.of(), Map.of()), List.of());
  }

  private static void add(List<RoadGraph.Edge> edges, List<RoadGraph.Node> nodes, int a, int b, GeometryFactory gf) {
    RoadGraph.Node na = nodes.get(a);
    RoadGraph.Node nb = nodes.get(b);
    double len = io.citytwin.geo.road.GreatCircle.distanceM(na.lon(), na.lat(), nb.lon(), nb.lat());
    edges.add(new RoadGraph.Edge(edges.size(), a, b, edges.size(), "", "residential", len, 30 + (a * 7 + b) % 40, 1, 600, true, true,
        gf.createLineString(new Coordinate[] {new Coordinate(na.lon(), na.lat()), new Coordinate(nb.lon(), nb.lat())})));
  }
}
