package io.citytwin.sim.hazard.grid;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * The synthetic population per building, placed on a grid by each building's interior point: a
 * building counts as inside a cell-union footprint when the cell holding its interior point is in
 * the set, which is exactly "its interior point lies in the footprint polygon". Only residents
 * are counted (the synthetic population layer is a night-time, at-home population).
 */
public final class Residents {
  private final List<Building> buildings;
  private final int[] cellOf;
  private final int[] residents;

  public Residents(CityModel city, MetricGrid grid) {
    this.buildings = city.buildings();
    this.cellOf = new int[buildings.size()];
    this.residents = new int[buildings.size()];
    for (int b = 0; b < buildings.size(); b++) {
      Building building = buildings.get(b);
      Point p = building.footprint().getInteriorPoint();
      Coordinate m = city.projection().toMetric(p.getCoordinate());
      cellOf[b] = grid.cellAt(m.x, m.y);
      residents[b] = city.population().residentsByBuilding().getOrDefault(building.id(), 0);
    }
  }

  /** Residents of the buildings inside the set of cells. */
  public long peopleIn(boolean[] mask) {
    long n = 0;
    for (int b = 0; b < cellOf.length; b++) {
      if (cellOf[b] >= 0 && mask[cellOf[b]]) {
        n += residents[b];
      }
    }
    return n;
  }

  /** Number of buildings inside the set of cells. */
  public int buildingsIn(boolean[] mask) {
    int n = 0;
    for (int c : cellOf) {
      if (c >= 0 && mask[c]) {
        n++;
      }
    }
    return n;
  }
}
