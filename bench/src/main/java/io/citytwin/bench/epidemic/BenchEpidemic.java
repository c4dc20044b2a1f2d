package io.citytwin.bench.epidemic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.bench.BenchCity;
import io.citytwin.geo.layer.District;
import io.citytwin.sim.epidemic.EpidemicSetup;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The benchmarked epidemic: Monaco's population scaled to {@code agents}, default parameters, 50
 * first cases in La Condamine, 120 daily steps from 2026-01-05, seed 2026.
 */
final class BenchEpidemic {
  static final int DAYS = 120;
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static CitySnapshot city;

  private BenchEpidemic() {}

  static synchronized CitySnapshot city() {
    if (city == null) {
      city = CitySnapshot.of(BenchCity.model());
    }
    return city;
  }

  static EpidemicSetup prepare(int agents, String mixing) {
    String parameters = "{\"agents\":" + agents + ",\"initialInfected\":50,\"mixing\":\"" + mixing + "\"}";
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(parameters);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    District condamine = city().source().districts().stream()
        .filter(d -> d.code().equals("MC-CO")).findFirst().orElseThrow();
    Site site = new Site(condamine.geometry().getInteriorPoint(), condamine.geometry(),
        EntityId.parse(condamine.id()));
    Scenario s = new Scenario("bench-epidemic", "benchmark", ScenarioType.EPIDEMIC,
        Scenario.Mode.FORECAST, site, START, Duration.ofDays(DAYS), Duration.ofDays(1), 2026,
        new Params("bench", "parameters", node), List.of(), "bench");
    return EpidemicSetup.prepare(s, city());
  }
}
