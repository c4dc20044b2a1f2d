package io.citytwin.twin.sensor.demo;

import java.util.List;

/**
 * Fixed sites for a city's demo fleet that the city model has no layer for (harbours, stadiums,
 * event venues, existing weather stations). Each site is an OpenStreetMap element's coordinates,
 * named so it can be checked against the data.
 *
 * @param waterGauges quay positions for water-level gauges
 * @param venues places where crowds gather besides the squares found in the road data
 * @param weatherStations existing weather stations
 */
public record Landmarks(List<Site> waterGauges, List<Site> venues, List<Site> weatherStations) {

  /**
   * One fixed site.
   *
   * @param name label used in the sensor's name
   * @param lon WGS84 longitude
   * @param lat WGS84 latitude
   * @param osm the OSM element the position comes from, e.g. {@code n25189876}
   */
  public record Site(String name, double lon, double lat, String osm) {}

  /** No fixed sites: the fleet is placed from the city model alone. */
  public static final Landmarks NONE = new Landmarks(List.of(), List.of(), List.of());

  /**
   * Monaco, from the shipped extract {@code monaco-2026-03-10.osm.pbf}. The city model has no
   * harbour layer, so the gauges sit on nodes of the coastline ways bounding the two marinas:
   * Port Hercule (relation r2221179, ways w166624054 and w166624056) and Port de Fontvieille
   * (relation r2220208, way w166558505). Venue positions are interior points of the mapped
   * outlines (stadium w49209155, Grimaldi Forum w94452775, Stade Nautique w197170037, Sporting
   * w159175442) or the mapped node (casino n4416197079).
   */
  public static final Landmarks MONACO =
      new Landmarks(
          List.of(
              new Site("Port Hercule, quai Albert Ier", 7.42228, 43.7367186, "n25189876"),
              new Site("Port Hercule, south quay", 7.4245985, 43.7329751, "n1629846902"),
              new Site("Port Hercule, east pier", 7.4274743, 43.7357897, "n33015255"),
              new Site("Port Hercule, outer breakwater", 7.4318176, 43.7365578, "n264051232"),
              new Site("Port de Fontvieille, west quay", 7.4176109, 43.7300663, "n1629860478"),
              new Site("Port de Fontvieille, south quay", 7.4193114, 43.7286585, "n25178515"),
              new Site("Port de Fontvieille, east quay", 7.4207735, 43.7298949, "n2274514918")),
          List.of(
              new Site("Stade Louis-II", 7.4154577, 43.7275713, "w49209155"),
              new Site("Grimaldi Forum", 7.4318565, 43.7439785, "w94452775"),
              new Site("Casino de Monte-Carlo", 7.428023, 43.7391605, "n4416197079"),
              new Site("Stade Nautique Rainier III", 7.4219931, 43.7346774, "w197170037"),
              new Site("Monte Carlo Sporting", 7.438198, 43.7470287, "w159175442")),
          List.of(
              // man_made=monitoring_station, monitoring:weather=yes
              new Site("Yacht Club de Monaco", 7.4272304, 43.7374484, "n6410901271")));

  /** The landmarks known for a city name, {@link #NONE} for any other city. */
  public static Landmarks forCity(String cityName) {
    return "Monaco".equals(cityName) ? MONACO : NONE;
  }
}
