package io.citytwin.sim.epidemic.population;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Point;

/**
 * The parts of the city the population is placed in: homes (residential buildings with their
 * synthetic residents), schools and workplaces, each with a weight.
 *
 * <p>Schools: every building used as a school, plus every school or kindergarten point of interest
 * that lies outside such a building (many schools are mapped as a point inside a building tagged
 * otherwise). Weight: floor area of the school building, or of the building holding the point, or
 * the median school floor area when the point is in no building. Universities are not schools
 * here: students of 18 and over are treated as adults.
 *
 * <p>Workplaces: commercial, industrial, public, school, hospital and unclassified ({@code
 * building=yes}) buildings, weighted by floor area; homes and places of worship employ nobody.
 */
final class BuildingStock {
  static final Set<BuildingUse> WORKPLACE_USES = EnumSet.of(BuildingUse.COMMERCIAL,
      BuildingUse.INDUSTRIAL, BuildingUse.PUBLIC, BuildingUse.SCHOOL, BuildingUse.HOSPITAL,
      BuildingUse.OTHER);
  private static final double FALLBACK_SCHOOL_M2 = 2000;

  final List<District> districts;
  /** Residents of each home, in city order. */
  final int[] homeResidents;
  /** District index of each home; {@code districts.size()} for none. */
  final short[] homeDistrict;
  final int baseResidents;
  final List<String> schoolNames;
  final double[] schoolWeight;
  final double[] workWeight;

  private BuildingStock(List<District> districts, int[] homeResidents, short[] homeDistrict,
      List<String> schoolNames, double[] schoolWeight, double[] workWeight) {
    this.districts = districts;
    this.homeResidents = homeResidents;
    this.homeDistrict = homeDistrict;
    this.baseResidents = Arrays.stream(homeResidents).sum();
    this.schoolNames = schoolNames;
    this.schoolWeight = schoolWeight;
    this.workWeight = workWeight;
  }

  static BuildingStock of(CityModel city) {
    List<District> districts = List.copyOf(city.districts());
    Map<String, Short> districtIndex = new HashMap<>();
    for (int d = 0; d < districts.size(); d++) {
      districtIndex.put(districts.get(d).id(), (short) d);
    }
    short none = (short) districts.size();
    Map<String, Integer> residents = city.population().residentsByBuilding();
    List<Integer> counts = new ArrayList<>();
    List<Short> homeDistricts = new ArrayList<>();
    List<Double> work = new ArrayList<>();
    for (Building b : city.buildings()) {
      Integer r = residents.get(b.id());
      if (r != null && r > 0) {
        counts.add(r);
        homeDistricts.add(districtIndex.getOrDefault(b.districtId(), none));
      }
      if (WORKPLACE_USES.contains(b.use()) && b.floorAreaM2() > 0) {
        work.add(b.floorAreaM2());
      }
    }
    if (counts.isEmpty()) {
      throw new IllegalArgumentException(city.name() + " has no residents in its population layer "
          + "(" + city.population().source() + "); the epidemic needs homes to place agents in");
    }
    List<String> schoolNames = new ArrayList<>();
    List<Double> schoolWeights = new ArrayList<>();
    schools(city, schoolNames, schoolWeights);
    short[] hd = new short[homeDistricts.size()];
    for (int i = 0; i < hd.length; i++) {
      hd[i] = homeDistricts.get(i);
    }
    return new BuildingStock(districts, counts.stream().mapToInt(Integer::intValue).toArray(), hd,
        List.copyOf(schoolNames), toArray(schoolWeights), toArray(work));
  }

  private static void schools(CityModel city, List<String> names, List<Double> weights) {
    List<Building> schoolBuildings = city.buildings().stream()
        .filter(b -> b.use() == BuildingUse.SCHOOL && b.floorAreaM2() > 0).toList();
    for (Building b : schoolBuildings) {
      names.add(b.name().isEmpty() ? b.id() : b.name());
      weights.add(b.floorAreaM2());
    }
    double median = schoolBuildings.isEmpty() ? FALLBACK_SCHOOL_M2
        : schoolBuildings.stream().mapToDouble(Building::floorAreaM2).sorted()
            .skip(schoolBuildings.size() / 2).findFirst().orElse(FALLBACK_SCHOOL_M2);
    for (Poi p : city.pois()) {
      if (p.kind() != PoiKind.SCHOOL && p.kind() != PoiKind.KINDERGARTEN) {
        continue;
      }
      Optional<Building> holder = containing(city.buildings(), p.location());
      if (holder.isPresent() && holder.get().use() == BuildingUse.SCHOOL) {
        continue;
      }
      names.add(p.name().isEmpty() ? p.id() : p.name());
      weights.add(holder.map(Building::floorAreaM2).filter(a -> a > 0).orElse(median));
    }
  }

  /** The first building (in city order) whose footprint covers the point. */
  static Optional<Building> containing(List<Building> buildings, Point p) {
    for (Building b : buildings) {
      if (b.footprint().getEnvelopeInternal().covers(p.getCoordinate()) && b.footprint().covers(p)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
