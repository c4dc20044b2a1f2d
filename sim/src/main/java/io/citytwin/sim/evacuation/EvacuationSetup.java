package io.citytwin.sim.evacuation;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.Snap;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** Builds what an evacuation run starts from: the affected buildings and the shelters. */
final class EvacuationSetup {
  private EvacuationSetup() {}

  /** Residential buildings whose residents evacuate, in city order. */
  static List<Building> affected(Scenario s, CityModel city, EvacuationParams p, Geometry dangerAtStart) {
    List<Building> out = new ArrayList<>();
    if (!p.affected().buildings().isEmpty()) {
      for (Building b : city.buildings()) {
        if (p.affected().buildings().contains(b.id())) {
          out.add(b);
        }
      }
      return out;
    }
    Geometry area = "site".equals(p.affected().area()) ? s.site().area() : dangerAtStart;
    area = buffer(area, p.affected().bufferM(), city);
    if (area.isEmpty()) {
      return out;
    }
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
    for (Building b : city.buildings()) {
      if (city.population().residentsByBuilding().getOrDefault(b.id(), 0) > 0
          && area.getEnvelopeInternal().intersects(b.footprint().getEnvelopeInternal())
          && prepared.intersects(b.footprint())) {
        out.add(b);
      }
    }
    return out;
  }

  /** A WGS84 geometry grown by {@code metres} in the city's metric CRS (itself when 0). */
  static Geometry buffer(Geometry g, double metres, CityModel city) {
    if (metres <= 0 || g.isEmpty()) {
      return g;
    }
    return city.projection().toWgs84(city.projection().toMetric(g).buffer(metres));
  }

  /** Per building, the car node ([0]) and walkway node ([1]) its residents leave from. */
  static int[][] origins(List<Building> buildings, Router router) {
    int[][] out = new int[buildings.size()][];
    for (int i = 0; i < out.length; i++) {
      Point p = buildings.get(i).footprint().getInteriorPoint();
      out[i] = new int[] {node(router, p, TravelMode.CAR, buildings.get(i).id()),
          node(router, p, TravelMode.FOOT, buildings.get(i).id())};
    }
    return out;
  }

  private static int node(Router router, Point p, TravelMode mode, String what) {
    return router.snap(p.getX(), p.getY(), mode).map(Snap::node).orElseThrow(
        () -> new IllegalStateException(what + " is not near any road usable " + mode.name().toLowerCase()));
  }

  /**
   * The shelters: POIs of the configured kinds (with their capacity, 0 leaving one out), then the
   * sites of the parameters, then those that interventions open (listed last, not yet available).
   */
  static List<Shelter> shelters(Scenario s, Params where, CityIndex index, EvacuationParams p,
      List<Interventions.Planned> plans) {
    List<Shelter> out = new ArrayList<>();
    Router router = index.router();
    for (Poi poi : index.model().pois()) {
      int capacity = p.shelters().capacities().getOrDefault(poi.id(), p.shelters().capacity());
      if (p.shelters().kinds().contains(poi.kind()) && capacity > 0) {
        add(out, router, poi.id(), poi.name(), poi.location(), capacity);
      }
    }
    for (int i = 0; i < p.shelters().sites().size(); i++) {
      EvacuationParams.ExtraSite site = p.shelters().sites().get(i);
      add(out, router, "site/" + i, site.name(), site.location(), site.capacity());
    }
    if (out.isEmpty()) {
      throw where.fail("shelters", "no shelter: " + index.model().name() + " has no POI of the kinds "
          + p.shelters().kinds().stream().map(k -> k.apiName()).toList() + " and no site is given");
    }
    for (Interventions.Planned plan : plans) {
      if (plan.opens != null) {
        if (!add(out, router, "intervention/" + plan.index, plan.opens.name(), plan.opens.location(),
            plan.opens.capacity())) {
          throw new ScenarioInputException(s.source(), "interventions[" + plan.index + "].parameters",
              "the site is not near any road");
        }
      }
    }
    return out;
  }

  private static boolean add(List<Shelter> out, Router router, String id, String name, Point at, int capacity) {
    Optional<Snap> car = router.snap(at.getX(), at.getY(), TravelMode.CAR);
    Optional<Snap> foot = router.snap(at.getX(), at.getY(), TravelMode.FOOT);
    if (car.isEmpty() || foot.isEmpty()) {
      return false;
    }
    out.add(new Shelter(out.size(), id, name, at, capacity, car.get().node(), foot.get().node()));
    return true;
  }
}
