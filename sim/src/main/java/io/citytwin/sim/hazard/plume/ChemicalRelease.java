package io.citytwin.sim.hazard.plume;

import io.citytwin.geo.city.CityModel;
import io.citytwin.sim.hazard.Inputs;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Point;

/**
 * The parameters of a {@code chemical_release} scenario ({@code parameters.*}):
 *
 * <table>
 *   <caption>chemical_release parameters</caption>
 *   <tr><th>name</th><th>unit</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>substance</td><td>text</td><td>"unnamed substance"</td><td>what is released (labels only)</td></tr>
 *   <tr><td>source</td><td>{lat, lon}</td><td>the scenario location</td><td>release point, inside the city</td></tr>
 *   <tr><td>sourceStrengthGPerS</td><td>g/s</td><td>required</td><td>emission rate, positive</td></tr>
 *   <tr><td>releaseHeightM</td><td>m</td><td>0</td><td>release height above ground (no plume rise)</td></tr>
 *   <tr><td>releaseStart</td><td>ISO duration</td><td>PT0S</td><td>offset of the release start from the scenario start</td></tr>
 *   <tr><td>releaseDuration</td><td>ISO duration</td><td>open-ended</td><td>how long the source emits</td></tr>
 *   <tr><td>wind.speedMps</td><td>m/s</td><td>required</td><td>wind speed at 10 m, at least 1</td></tr>
 *   <tr><td>wind.fromDeg</td><td>degrees</td><td>required</td><td>direction the wind blows from, clockwise from north</td></tr>
 *   <tr><td>stability</td><td>A–F, A-B, B-C, C-D</td><td>one of stability/sky required</td><td>Pasquill–Gifford class</td></tr>
 *   <tr><td>sky</td><td>strong_insolation, moderate_insolation, slight_insolation, overcast, night_cloudy, night_clear</td>
 *       <td>one of stability/sky required</td><td>derive the class from Pasquill's table with the wind speed</td></tr>
 *   <tr><td>dispersion</td><td>pasquill-gifford, briggs-rural, briggs-urban</td><td>pasquill-gifford</td><td>σy/σz fits ({@link SigmaCurves})</td></tr>
 *   <tr><td>groundReflection</td><td>boolean</td><td>true</td><td>image source at the ground</td></tr>
 *   <tr><td>receptorHeightM</td><td>m</td><td>0</td><td>height of the concentration field (0 = ground level, 1.5 = breathing height)</td></tr>
 *   <tr><td>thresholds[]</td><td>{name, mgPerM3}</td><td>required, 1–6</td><td>levels whose footprints are reported, e.g. AEGL-1/2/3 of the substance</td></tr>
 *   <tr><td>hazardFootprint</td><td>threshold name</td><td>the lowest level</td><td>the footprint that is the {@code Hazard} footprint (where nobody should go)</td></tr>
 *   <tr><td>closeRoadsAt</td><td>threshold name, or "none"</td><td>the highest level</td><td>roads in this footprint are closed to everyone (consumers treat closed roads as impassable even to people leaving, so only the life-threatening zone closes by default)</td></tr>
 *   <tr><td>grid.cellM</td><td>m</td><td>10</td><td>cell size of the concentration grid (2–100)</td></tr>
 *   <tr><td>grid.radiusM</td><td>m</td><td>2500</td><td>half-width of the square grid centred on the source (100–20000)</td></tr>
 *   <tr><td>minDistanceM</td><td>m</td><td>20</td><td>nearer downwind points are evaluated at this distance</td></tr>
 * </table>
 */
public record ChemicalRelease(
    String substance, Point source, double gramsPerSecond, double heightM, Duration releaseStart,
    Duration releaseDuration, Weather weather, SigmaCurves curves, boolean groundReflection,
    double receptorHeightM, List<Threshold> thresholds, int hazardFootprint, int closeRoadsAt, double cellM, double radiusM,
    double minDistanceM) {

  /** {@link #closeRoadsAt} when no road closes. */
  public static final int NONE = -1;

  private static final Set<String> KNOWN = Set.of("substance", "source", "sourceStrengthGPerS", "releaseHeightM",
      "releaseStart", "releaseDuration", "wind", "stability", "sky", "dispersion", "groundReflection",
      "receptorHeightM", "thresholds", "hazardFootprint", "closeRoadsAt", "grid", "minDistanceM");

  /**
   * A concentration level whose footprint is reported.
   *
   * @param name as given, e.g. {@code AEGL-2}
   * @param mgPerM3 the level, mg/m³
   * @param key camelCase fragment for metric names, e.g. {@code Aegl2} in {@code areaAboveAegl2}
   */
  public record Threshold(String name, double mgPerM3, String key) {}

  public ChemicalRelease {
    thresholds = List.copyOf(thresholds);
  }

  /** Validates {@code scenario.parameters()} against the city; errors name the JSON path. */
  public static ChemicalRelease parse(Scenario scenario, CityModel city) {
    Params p = scenario.parameters().onlyKnown(KNOWN);
    String substance = p.text("substance", "unnamed substance");
    Point source = Inputs.position(p, "source", city, scenario.site().point());
    double q = Inputs.positive(p, "sourceStrengthGPerS", 1e9);
    double h = p.number("releaseHeightM", 0, 500, 0);
    Duration start = Inputs.offset(p, "releaseStart", Duration.ZERO);
    Duration duration = p.has("releaseDuration") ? p.duration("releaseDuration") : null;
    Weather weather = Weather.parse(p);
    SigmaCurves curves = SigmaCurves.PASQUILL_GIFFORD;
    if (p.has("dispersion")) {
      String code = p.text("dispersion");
      curves = SigmaCurves.fromCode(code).orElseThrow(() -> p.fail("dispersion", "'" + code
          + "' is not one of pasquill-gifford, briggs-rural, briggs-urban"));
    }
    boolean reflection = p.flag("groundReflection", true);
    double receptor = p.number("receptorHeightM", 0, 100, 0);
    List<Threshold> thresholds = thresholds(p);
    int lowest = 0;
    int highest = 0;
    for (int i = 1; i < thresholds.size(); i++) {
      lowest = thresholds.get(i).mgPerM3() < thresholds.get(lowest).mgPerM3() ? i : lowest;
      highest = thresholds.get(i).mgPerM3() > thresholds.get(highest).mgPerM3() ? i : highest;
    }
    int footprint = p.has("hazardFootprint") ? threshold(p, "hazardFootprint", thresholds, false) : lowest;
    int close = p.has("closeRoadsAt") ? threshold(p, "closeRoadsAt", thresholds, true) : highest;
    double cell = 10;
    double radius = 2500;
    if (p.has("grid")) {
      Params g = p.object("grid").onlyKnown(Set.of("cellM", "radiusM"));
      cell = g.number("cellM", 2, 100, cell);
      radius = g.number("radiusM", 100, 20_000, radius);
      if (Math.pow(2 * radius / cell, 2) > 1_000_000) {
        throw g.fail(null, "a " + radius + " m radius at " + cell + " m cells gives more than 1,000,000 cells");
      }
    }
    double minDistance = p.number("minDistanceM", 1, 1000, 20);
    return new ChemicalRelease(substance, source, q, h, start, duration, weather, curves, reflection, receptor,
        thresholds, footprint, close, cell, radius, minDistance);
  }

  /** The index of the threshold a member names; -1 for {@code "none"} when allowed. */
  private static int threshold(Params p, String key, List<Threshold> thresholds, boolean noneAllowed) {
    String name = p.text(key);
    if (noneAllowed && name.equals("none")) {
      return NONE;
    }
    for (int i = 0; i < thresholds.size(); i++) {
      if (thresholds.get(i).name().equals(name)) {
        return i;
      }
    }
    throw p.fail(key, "'" + name + "' is not the name of one of the thresholds" + (noneAllowed ? " (or \"none\")" : ""));
  }

  private static List<Threshold> thresholds(Params p) {
    if (!p.has("thresholds")) {
      throw p.fail("thresholds", "is missing (e.g. [{\"name\": \"AEGL-2\", \"mgPerM3\": 5.8}])");
    }
    List<Params> items = p.objects("thresholds");
    if (items.isEmpty() || items.size() > 6) {
      throw p.fail("thresholds", "needs 1 to 6 levels, found " + items.size());
    }
    List<Threshold> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Params t : items) {
      t.onlyKnown(Set.of("name", "mgPerM3"));
      String name = t.text("name");
      String key = Inputs.keyOf(name);
      if (key.isEmpty()) {
        throw t.fail("name", "'" + name + "' needs at least one letter or digit");
      }
      if (!keys.add(key)) {
        throw t.fail("name", "'" + name + "' is the same as another threshold's name");
      }
      out.add(new Threshold(name, Inputs.positive(t, "mgPerM3", 1e9), key));
    }
    return out;
  }

  /** Release start, seconds after the scenario start. */
  public double startS() {
    return releaseStart.toMillis() / 1000.0;
  }

  /** Release end, seconds after the scenario start; infinite when open-ended. */
  public double endS() {
    return releaseDuration == null ? Double.POSITIVE_INFINITY : startS() + releaseDuration.toMillis() / 1000.0;
  }
}
