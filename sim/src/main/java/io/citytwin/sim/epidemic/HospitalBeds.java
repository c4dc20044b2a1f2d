package io.citytwin.sim.epidemic;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hospital beds of the real city. The city model carries no OSM {@code beds} tag (none of the
 * Monaco hospitals has one, and POIs keep no tags), so beds are estimated from floor area: every
 * hospital point of interest is matched to its building (the building of the same OSM object, else
 * the building whose footprint holds the point), and each building counts once with {@code
 * floorArea / m2PerBed} beds. The default of 100 m² of gross floor area per bed is an assumption
 * in the range hospital planning guides give for general hospitals (roughly 80-140 m²). A hospital
 * point in no building gets no beds and is listed so. A scenario can give the total instead.
 *
 * @param sites the hospitals found, in city order
 * @param beds total beds of the real city
 * @param method how {@code beds} was obtained, in words
 */
record HospitalBeds(List<Site> sites, int beds, String method) {

  /**
   * @param building building id, or null when the point is in no building
   * @param floorAreaM2 the building's gross floor area, 0 without building
   */
  record Site(String poi, String name, String building, double floorAreaM2, int beds) {}

  static HospitalBeds estimate(CityModel city, double m2PerBed) {
    Map<String, Building> byId = city.buildings().stream()
        .collect(Collectors.toMap(Building::id, Function.identity(), (a, b) -> a));
    Set<String> counted = new HashSet<>();
    List<Site> sites = new ArrayList<>();
    int total = 0;
    for (Poi p : city.pois()) {
      if (p.kind() != PoiKind.HOSPITAL) {
        continue;
      }
      String sameObject = "building/" + p.id().substring(p.id().indexOf('/') + 1);
      Optional<Building> b = Optional.ofNullable(byId.get(sameObject))
          .or(() -> containing(city.buildings(), p));
      if (b.isEmpty()) {
        sites.add(new Site(p.id(), p.name(), null, 0, 0));
        continue;
      }
      boolean first = counted.add(b.get().id());
      int beds = first ? (int) Math.max(1, Math.round(b.get().floorAreaM2() / m2PerBed)) : 0;
      total += beds;
      sites.add(new Site(p.id(), p.name(), b.get().id(), b.get().floorAreaM2(), beds));
    }
    return new HospitalBeds(List.copyOf(sites), total, "estimated from hospital floor area at "
        + m2PerBed + " m2 per bed (no OSM beds tags in the city model)");
  }

  static HospitalBeds given(int beds) {
    return new HospitalBeds(List.of(), beds, "given by the scenario (parameters.hospital.beds)");
  }

  private static Optional<Building> containing(List<Building> buildings, Poi p) {
    return buildings.stream()
        .filter(b -> b.footprint().getEnvelopeInternal().covers(p.location().getCoordinate()))
        .filter(b -> b.footprint().covers(p.location()))
        .findFirst();
  }
}
