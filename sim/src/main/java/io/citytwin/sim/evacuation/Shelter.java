package io.citytwin.sim.evacuation;

import org.locationtech.jts.geom.Point;

/**
 * A place evacuees go to (an assembly point, a school, a site named in the scenario) with the
 * number of people it takes. Places are reserved when a party is routed there, so a shelter is
 * never promised to more people than it holds. Mutable, owned by one model.
 */
final class Shelter {
  final int index;
  final String id;
  final String name;
  final Point location;
  final int capacity;
  final int carNode;
  final int footNode;
  int reserved;
  int arrived;

  Shelter(int index, String id, String name, Point location, int capacity, int carNode, int footNode) {
    this.index = index;
    this.id = id;
    this.name = name;
    this.location = location;
    this.capacity = capacity;
    this.carNode = carNode;
    this.footNode = footNode;
  }

  int free() {
    return capacity - reserved;
  }

  String label() {
    return name.isEmpty() ? id : name + " (" + id + ")";
  }
}
