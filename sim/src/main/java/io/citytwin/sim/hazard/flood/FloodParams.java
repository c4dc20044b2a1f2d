package io.citytwin.sim.hazard.flood;

import io.citytwin.geo.city.CityModel;
import io.citytwin.sim.hazard.Inputs;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The parameters of a {@code flood} scenario ({@code parameters.*}). A quantity over time is a
 * number (constant) or {@code [[offset, value], ...]} pairs, linear in between and constant
 * outside ({@link Hydrograph}).
 *
 * <table>
 *   <caption>flood parameters</caption>
 *   <tr><th>name</th><th>unit</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>sources[]</td><td></td><td>required, 1–20</td><td>where water comes from; each has a {@code kind}:</td></tr>
 *   <tr><td>sources[].kind = sea</td><td></td><td></td><td>the sea at a prescribed level (storm surge, overtopping)</td></tr>
 *   <tr><td>&nbsp;&nbsp;levelM</td><td>m above mean sea level, over time</td><td>required</td><td>sea level</td></tr>
 *   <tr><td>&nbsp;&nbsp;near</td><td>{lat, lon}</td><td>the whole sea</td><td>only the sea within {@code radiusM} of this point rises (e.g. one harbour); it may lie at sea</td></tr>
 *   <tr><td>&nbsp;&nbsp;radiusM</td><td>m</td><td>500</td><td>see {@code near}</td></tr>
 *   <tr><td>sources[].kind = inflow</td><td></td><td></td><td>a point discharge (a stream overflowing, a burst main)</td></tr>
 *   <tr><td>&nbsp;&nbsp;at</td><td>{lat, lon}</td><td>the scenario location</td><td>where; the nearest open ground within 100 m takes it</td></tr>
 *   <tr><td>&nbsp;&nbsp;m3PerS</td><td>m³/s over time</td><td>required</td><td>discharge</td></tr>
 *   <tr><td>sources[].kind = rain</td><td></td><td></td><td>a heavy-rain cell falling on open ground</td></tr>
 *   <tr><td>&nbsp;&nbsp;centre</td><td>{lat, lon}</td><td>the scenario location</td><td>centre of the rain cell</td></tr>
 *   <tr><td>&nbsp;&nbsp;radiusM</td><td>m</td><td>500</td><td>radius of the rain cell</td></tr>
 *   <tr><td>&nbsp;&nbsp;mmPerH</td><td>mm/h over time</td><td>required</td><td>intensity (no infiltration, no drains)</td></tr>
 *   <tr><td>terrain.sea</td><td>osm, none</td><td>osm</td><td>derive the sea from the built-in city's OSM coastline, or no sea (flat ground)</td></tr>
 *   <tr><td>terrain.shoreHeightM</td><td>m</td><td>1.5</td><td>ground height at the shore ({@link Terrain})</td></tr>
 *   <tr><td>terrain.coastalSlope</td><td>m/m</td><td>0.02</td><td>slope of the coastal strip</td></tr>
 *   <tr><td>terrain.coastalStripM</td><td>m</td><td>250</td><td>width of the coastal strip</td></tr>
 *   <tr><td>terrain.inlandSlope</td><td>m/m</td><td>0.15</td><td>slope beyond the strip</td></tr>
 *   <tr><td>grid.cellM</td><td>m</td><td>10</td><td>cell size (5–50)</td></tr>
 *   <tr><td>manningN</td><td>s/m^(1/3)</td><td>0.03</td><td>Manning's roughness of the streets</td></tr>
 *   <tr><td>baseSeaLevelM</td><td>m</td><td>0</td><td>level of the sea no sea source raises</td></tr>
 *   <tr><td>floodedDepthM</td><td>m</td><td>0.05</td><td>depth from which a cell counts as flooded (area, footprint, buildings)</td></tr>
 *   <tr><td>roadClosureDepthM</td><td>m</td><td>0.3</td><td>depth on any cell of a road edge that closes it (about where cars stall and float)</td></tr>
 * </table>
 */
public record FloodParams(
    List<Source> sources, boolean useSea, Terrain terrain, double cellM, double manningN, double baseSeaLevelM,
    double floodedDepthM, double roadClosureDepthM) {

  private static final Set<String> KNOWN = Set.of("sources", "terrain", "grid", "manningN", "baseSeaLevelM",
      "floodedDepthM", "roadClosureDepthM");
  private static final GeometryFactory GF = new GeometryFactory();

  /** Where water comes from; {@code params} is kept to name the source in later errors. */
  public sealed interface Source permits Sea, Inflow, Rain {
    Params params();
  }

  /** The sea at {@code levelM}, within {@code radiusM} of {@code near} or everywhere when null. */
  public record Sea(Hydrograph levelM, Point near, double radiusM, Params params) implements Source {}

  /** A discharge in m³/s at a point. */
  public record Inflow(Point at, Hydrograph m3PerS, Params params) implements Source {}

  /** Rain in mm/h over a disc. */
  public record Rain(Point centre, double radiusM, Hydrograph mmPerH, Params params) implements Source {}

  public FloodParams {
    sources = List.copyOf(sources);
  }

  /** Validates {@code scenario.parameters()} against the city; errors name the JSON path. */
  public static FloodParams parse(Scenario scenario, CityModel city) {
    Params p = scenario.parameters().onlyKnown(KNOWN);
    List<Params> items = p.objects("sources");
    if (items.isEmpty() || items.size() > 20) {
      throw p.fail("sources", p.has("sources") ? "needs 1 to 20 sources, found " + items.size()
          : "is missing (e.g. [{\"kind\": \"sea\", \"levelM\": [[\"PT0S\", 0], [\"PT1H\", 2.5]]}])");
    }
    List<Source> sources = new ArrayList<>();
    for (Params s : items) {
      sources.add(source(s, scenario, city));
    }
    boolean useSea = true;
    Terrain terrain = Terrain.MONACO;
    if (p.has("terrain")) {
      Params t = p.object("terrain").onlyKnown(Set.of("sea", "shoreHeightM", "coastalSlope", "coastalStripM", "inlandSlope"));
      useSea = t.choice("sea", List.of("osm", "none")).equals("osm");
      terrain = new Terrain(t.number("shoreHeightM", -10, 50, terrain.shoreHeightM()),
          t.number("coastalSlope", 0, 1, terrain.coastalSlope()), t.number("coastalStripM", 0, 10_000, terrain.coastalStripM()),
          t.number("inlandSlope", 0, 2, terrain.inlandSlope()));
    }
    double cell = 10;
    if (p.has("grid")) {
      cell = p.object("grid").onlyKnown(Set.of("cellM")).number("cellM", 5, 50);
    }
    double flooded = Inputs.positive(p, "floodedDepthM", 5, 0.05);
    double closure = Inputs.positive(p, "roadClosureDepthM", 5, 0.3);
    return new FloodParams(sources, useSea, terrain, cell, p.number("manningN", 0.01, 0.2, 0.03),
        p.number("baseSeaLevelM", -5, 10, 0), flooded, closure);
  }

  private static Source source(Params s, Scenario scenario, CityModel city) {
    String kind = s.choice("kind", List.of("sea", "inflow", "rain"));
    Point site = scenario.site().point();
    switch (kind) {
      case "sea" -> {
        s.onlyKnown(Set.of("kind", "levelM", "near", "radiusM"));
        Point near = s.has("near") ? nearCity(s, "near", city) : null;
        if (!s.has("near") && s.has("radiusM")) {
          throw s.fail("radiusM", "only applies with 'near'");
        }
        return new Sea(Hydrograph.parse(s, "levelM", -5, 20), near, s.number("radiusM", 10, 50_000, 500), s);
      }
      case "inflow" -> {
        s.onlyKnown(Set.of("kind", "at", "m3PerS"));
        return new Inflow(Inputs.position(s, "at", city, site), Hydrograph.parse(s, "m3PerS", 0, 100_000), s);
      }
      default -> {
        s.onlyKnown(Set.of("kind", "centre", "radiusM", "mmPerH"));
        return new Rain(Inputs.position(s, "centre", city, site), s.number("radiusM", 10, 20_000, 500),
            Hydrograph.parse(s, "mmPerH", 0, 1000), s);
      }
    }
  }

  /** A position within about 1 km of the city's bbox (the sea near a city is outside it). */
  private static Point nearCity(Params s, String key, CityModel city) {
    Params pos = s.object(key).onlyKnown(Set.of("lat", "lon"));
    double lat = pos.number("lat", -90, 90);
    double lon = pos.number("lon", -180, 180);
    Envelope around = new Envelope(city.boundary().getEnvelopeInternal());
    around.expandBy(0.01);
    if (!around.contains(lon, lat)) {
      throw pos.fail(null, "lat " + lat + ", lon " + lon + " is not near the city of " + city.name());
    }
    return GF.createPoint(new Coordinate(lon, lat));
  }
}
