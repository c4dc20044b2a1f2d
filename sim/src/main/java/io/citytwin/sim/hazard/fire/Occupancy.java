package io.citytwin.sim.hazard.fire;

import io.citytwin.geo.layer.BuildingUse;

/**
 * Design-fire figures per occupancy from EN 1991-1-2:2002 (Eurocode 1, actions on structures
 * exposed to fire), Annex E: the average fire load density (table E.4), the fire growth time t_α
 * to reach 1 MW (table E.5: slow 600 s, medium 300 s, fast 150 s) and the maximum rate of heat
 * release per square metre of floor, RHR_f (table E.5).
 *
 * @param fireLoadMJm2 average fire load density per floor area, MJ/m²
 * @param growthTimeS t_α, seconds for the t-squared fire to reach 1 MW
 * @param heatReleaseKWm2 RHR_f, kW/m²
 */
public record Occupancy(String name, double fireLoadMJm2, double growthTimeS, double heatReleaseKWm2) {
  public static final Occupancy DWELLING = new Occupancy("dwelling", 780, 300, 250);
  public static final Occupancy HOSPITAL = new Occupancy("hospital (room)", 230, 300, 250);
  public static final Occupancy OFFICE = new Occupancy("office", 420, 300, 250);
  public static final Occupancy CLASSROOM = new Occupancy("classroom of a school", 285, 300, 250);
  public static final Occupancy SHOPPING = new Occupancy("shopping centre", 600, 150, 250);
  public static final Occupancy THEATRE = new Occupancy("theatre (cinema)", 300, 150, 500);

  /**
   * The Annex E occupancy used for an OSM building use. Annex E has no industrial, religious or
   * generic rows: industrial buildings get the shopping centre's (fast growth, 600 MJ/m²), places
   * of worship the theatre's (assembly), public and other buildings the office's. Commercial
   * buildings in the demo city are mostly offices, so they get the office row.
   */
  public static Occupancy of(BuildingUse use) {
    return switch (use) {
      case RESIDENTIAL -> DWELLING;
      case HOSPITAL -> HOSPITAL;
      case SCHOOL -> CLASSROOM;
      case INDUSTRIAL -> SHOPPING;
      case RELIGIOUS -> THEATRE;
      case COMMERCIAL, PUBLIC, OTHER -> OFFICE;
    };
  }
}
