package io.citytwin.sim.hazard.fire;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.sim.hazard.Inputs;
import io.citytwin.sim.hazard.plume.SigmaCurves;
import io.citytwin.sim.hazard.plume.Weather;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.EntityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * The parameters of a {@code building_fire} scenario ({@code parameters.*}):
 *
 * <table>
 *   <caption>building_fire parameters</caption>
 *   <tr><th>name</th><th>unit</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>ignition[]</td><td>building ids ({@code w123} or {@code building/w123})</td><td>the scenario's building, else the building at or nearest (within 50 m) the scenario location</td><td>buildings set on fire</td></tr>
 *   <tr><td>ignitionAt</td><td>ISO duration</td><td>PT0S</td><td>offset of the ignition from the scenario start</td></tr>
 *   <tr><td>wind.speedMps, wind.fromDeg</td><td>m/s, degrees</td><td>required</td><td>wind at 10 m, direction it blows from</td></tr>
 *   <tr><td>stability | sky</td><td></td><td>one required</td><td>for the smoke plume (as in chemical_release)</td></tr>
 *   <tr><td>spread.radiantFraction</td><td>0–1</td><td>0.3</td><td>share of the heat release radiated (point-source model)</td></tr>
 *   <tr><td>spread.criticalFluxKWm2</td><td>kW/m²</td><td>12.6</td><td>median radiant flux that ignites a facade (BRE BR 187)</td></tr>
 *   <tr><td>spread.criticalFluxSpread</td><td>σ of ln</td><td>0.25</td><td>building-to-building scatter of that flux (lognormal; 0 = none)</td></tr>
 *   <tr><td>spread.windFactorSPerM</td><td>s/m</td><td>0.1</td><td>β in the downwind factor exp(β·u·cosθ) (an assumption to calibrate)</td></tr>
 *   <tr><td>spread.maxSeparationM</td><td>m</td><td>40</td><td>facade gap beyond which no building is exposed</td></tr>
 *   <tr><td>spread.checkEvery</td><td>ISO duration</td><td>PT1M</td><td>how often exposures are evaluated (fixed from the start)</td></tr>
 *   <tr><td>smoke.thresholdMgPerM3</td><td>mg/m³</td><td>0.25</td><td>smoke (particulate) level whose footprint is reported</td></tr>
 *   <tr><td>smoke.sootYield</td><td>g/g</td><td>0.015</td><td>smoke particulate per gram of fuel burnt</td></tr>
 *   <tr><td>smoke.heatOfCombustionKJPerG</td><td>kJ/g</td><td>12.4</td><td>effective heat of combustion of the fuel</td></tr>
 *   <tr><td>smoke.dispersion</td><td>pasquill-gifford, briggs-rural, briggs-urban</td><td>pasquill-gifford</td><td>σ curves</td></tr>
 *   <tr><td>smoke.cellM, smoke.radiusM</td><td>m</td><td>40, 2500</td><td>smoke grid cell and half-width around the first ignition</td></tr>
 *   <tr><td>smoke.avoid</td><td>boolean</td><td>false</td><td>whether the smoke footprint is part of the area to keep out of</td></tr>
 *   <tr><td>exclusionRadiusM</td><td>m</td><td>30</td><td>cordon around burning buildings; roads in it close</td></tr>
 * </table>
 */
public record FireParams(
    List<Integer> ignition, Duration ignitionAt, Weather weather, double radiantFraction, double criticalFluxKWm2,
    double criticalFluxSpread, double windFactorSPerM, double maxSeparationM, Duration checkEvery,
    double smokeThresholdMgPerM3, double sootYield, double heatOfCombustionKJPerG, SigmaCurves smokeCurves,
    double smokeCellM, double smokeRadiusM, boolean smokeAvoid, double exclusionRadiusM) {

  private static final Set<String> KNOWN = Set.of("ignition", "ignitionAt", "wind", "stability", "sky", "spread",
      "smoke", "exclusionRadiusM");
  private static final double NEAREST_WITHIN_M = 50;

  public FireParams {
    ignition = List.copyOf(ignition);
  }

  /** Validates {@code scenario.parameters()} against the city; errors name the JSON path. */
  public static FireParams parse(Scenario scenario, CityModel city) {
    Params p = scenario.parameters().onlyKnown(KNOWN);
    List<Integer> ignition = ignition(p, scenario, city);
    Duration at = Inputs.offset(p, "ignitionAt", Duration.ZERO);
    Weather weather = Weather.parse(p);
    Params spread = p.has("spread") ? p.object("spread").onlyKnown(Set.of("radiantFraction", "criticalFluxKWm2",
        "criticalFluxSpread", "windFactorSPerM", "maxSeparationM", "checkEvery")) : null;
    Params smoke = p.has("smoke") ? p.object("smoke").onlyKnown(Set.of("thresholdMgPerM3", "sootYield",
        "heatOfCombustionKJPerG", "dispersion", "cellM", "radiusM", "avoid")) : null;
    SigmaCurves curves = SigmaCurves.PASQUILL_GIFFORD;
    if (smoke != null && smoke.has("dispersion")) {
      String code = smoke.text("dispersion");
      curves = SigmaCurves.fromCode(code).orElseThrow(() -> smoke.fail("dispersion",
          "'" + code + "' is not one of pasquill-gifford, briggs-rural, briggs-urban"));
    }
    double smokeCell = smoke == null ? 40 : smoke.number("cellM", 5, 200, 40);
    double smokeRadius = smoke == null ? 2500 : smoke.number("radiusM", 100, 20_000, 2500);
    if (Math.pow(2 * smokeRadius / smokeCell, 2) > 1_000_000) {
      throw smoke.fail("radiusM", "a " + smokeRadius + " m radius at " + smokeCell + " m cells gives more than 1,000,000 cells");
    }
    return new FireParams(ignition, at, weather,
        num(spread, "radiantFraction", 0.01, 1, 0.3),
        spread == null ? 12.6 : Inputs.positive(spread, "criticalFluxKWm2", 1000, 12.6),
        num(spread, "criticalFluxSpread", 0, 2, 0.25),
        num(spread, "windFactorSPerM", 0, 1, 0.1),
        num(spread, "maxSeparationM", 0, 200, 40),
        spread == null ? Duration.ofMinutes(1) : spread.duration("checkEvery", Duration.ofMinutes(1)),
        smoke == null ? 0.25 : Inputs.positive(smoke, "thresholdMgPerM3", 1e6, 0.25),
        num(smoke, "sootYield", 0, 1, 0.015),
        smoke == null ? 12.4 : Inputs.positive(smoke, "heatOfCombustionKJPerG", 100, 12.4),
        curves, smokeCell, smokeRadius, smoke != null && smoke.flag("avoid", false),
        p.number("exclusionRadiusM", 0, 1000, 30));
  }

  private static double num(Params p, String key, double min, double max, double fallback) {
    return p == null ? fallback : p.number(key, min, max, fallback);
  }

  /** Indices into {@code city.buildings()} of the buildings set on fire. */
  private static List<Integer> ignition(Params p, Scenario scenario, CityModel city) {
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < city.buildings().size(); i++) {
      byId.put(city.buildings().get(i).id(), i);
    }
    List<Integer> out = new ArrayList<>();
    if (p.has("ignition")) {
      JsonNode a = p.node().get("ignition");
      if (!a.isArray() || a.isEmpty()) {
        throw p.fail("ignition", "must be a non-empty array of building ids such as \"w123\"");
      }
      for (int i = 0; i < a.size(); i++) {
        String key = "ignition[" + i + "]";
        String raw = Inputs.id(p, key, a.get(i));
        String id = raw.startsWith(EntityType.BUILDING.prefix() + "/") ? raw : EntityType.BUILDING.prefix() + "/" + raw;
        Integer b = byId.get(id);
        if (b == null) {
          throw p.fail(key, "no building '" + raw + "' in " + city.name());
        }
        if (!out.contains(b)) {
          out.add(b);
        }
      }
      return out;
    }
    if (scenario.site().entity() != null && scenario.site().entity().type() == EntityType.BUILDING) {
      Integer b = byId.get(scenario.site().entity().toString());
      if (b != null) {
        return List.of(b);
      }
    }
    return List.of(nearest(p, scenario.site().point(), city));
  }

  private static int nearest(Params p, Point at, CityModel city) {
    Coordinate m = city.projection().toMetric(at.getCoordinate());
    Point pm = at.getFactory().createPoint(m);
    int best = -1;
    double bestD = NEAREST_WITHIN_M;
    List<Building> bs = city.buildings();
    for (int i = 0; i < bs.size(); i++) {
      if (bs.get(i).footprint().getEnvelopeInternal().distance(at.getEnvelopeInternal()) > 0.001) {
        continue; // more than ~100 m away in degrees: cannot be within 50 m
      }
      double d = city.projection().toMetric(bs.get(i).footprint()).distance(pm);
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best < 0) {
      throw p.fail("ignition", "is missing and no building lies within " + NEAREST_WITHIN_M
          + " m of the scenario location; name the burning building(s)");
    }
    return best;
  }
}
