package io.citytwin.sim.hazard.fire;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which buildings a burning building can expose, and how far its radiation travels to them: for
 * every pair whose footprints (in metres) are at most {@code maxSeparationM} apart, the facade gap
 * d and the radiation distance {@code R = d + r/2}, where r is the source's equivalent radius
 * √(A/π) (its point source sits half that radius behind the facade, so touching buildings still
 * get a finite flux), and the direction from the source's centroid to the target's. Immutable.
 */
final class SpreadNetwork {
  /** One exposure: target building, radiation distance R (m), unit direction from source to target. */
  record Link(int target, double distanceM, double dirX, double dirY) {}

  private final List<List<Link>> links;
  private final Geometry[] metric;

  SpreadNetwork(CityModel city, double maxSeparationM) {
    List<Building> bs = city.buildings();
    metric = new Geometry[bs.size()];
    STRtree tree = new STRtree();
    for (int i = 0; i < bs.size(); i++) {
      metric[i] = city.projection().toMetric(bs.get(i).footprint());
      tree.insert(metric[i].getEnvelopeInternal(), i);
    }
    tree.build();
    links = new ArrayList<>(bs.size());
    for (int i = 0; i < bs.size(); i++) {
      Envelope e = new Envelope(metric[i].getEnvelopeInternal());
      e.expandBy(maxSeparationM);
      @SuppressWarnings("unchecked")
      List<Integer> near = new ArrayList<>((List<Integer>) tree.query(e));
      near.sort(null); // the tree's order is not part of the contract; model order is
      Point ci = metric[i].getCentroid();
      double halfRadius = Math.sqrt(metric[i].getArea() / Math.PI) / 2;
      List<Link> out = new ArrayList<>();
      for (int j : near) {
        if (j == i) {
          continue;
        }
        double gap = metric[i].distance(metric[j]);
        if (gap > maxSeparationM) {
          continue;
        }
        Point cj = metric[j].getCentroid();
        double dx = cj.getX() - ci.getX();
        double dy = cj.getY() - ci.getY();
        double len = Math.hypot(dx, dy);
        out.add(new Link(j, gap + halfRadius, len == 0 ? 0 : dx / len, len == 0 ? 0 : dy / len));
      }
      links.add(List.copyOf(out));
    }
  }

  List<Link> from(int building) {
    return links.get(building);
  }

  /** The building's footprint in metres. */
  Geometry metric(int building) {
    return metric[building];
  }
}
