package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.layer.District;
import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Risk zones from 7-day incidence per 100,000 residents, with the thresholds inclusive. */
class RiskZoningTest {
  static SyntheticPopulation pop;
  static int condamine;

  @BeforeAll
  static void monaco() {
    pop = EpidemicSetup.prepare(Scenarios.epidemic(1, 5, "{}"), Monaco.city()).population();
    for (int d = 0; d < pop.districts().size(); d++) {
      if (pop.districts().get(d).code().equals("MC-CO")) {
        condamine = d;
      }
    }
  }

  /** A day with {@code infections} infections among residents of district {@code d}. */
  static Tally day(int d, int infections) {
    Tally t = new Tally(pop.districtCount());
    for (int k = 0; k < infections; k++) {
      t.infected(0, false, Tally.COMMUNITY, d);
    }
    return t;
  }

  @Test
  void zonesFollowTheSevenDayIncidenceAndItsThresholds() {
    RiskZoning zoning = new RiskZoning(pop, 35, 50);
    int residents = pop.residents(condamine);
    // Exactly 35 per 100,000 over the week: medium.
    int medium = (int) Math.ceil(35e-5 * residents);
    zoning.record(day(condamine, medium));
    assertThat(zoning.incidence(condamine)).isCloseTo(medium * 1e5 / residents, within(1e-9));
    assertThat(zoning.zone(condamine)).isEqualTo(
        medium * 1e5 / residents >= 50 ? RiskZoning.HIGH : RiskZoning.MEDIUM);
    int high = (int) Math.ceil(50e-5 * residents);
    zoning.record(day(condamine, high - medium));
    assertThat(zoning.zone(condamine)).isEqualTo(RiskZoning.HIGH);
    for (int k = 0; k < 5; k++) {
      zoning.record(day(condamine, 0));
    }
    assertThat(zoning.zone(condamine)).isEqualTo(RiskZoning.HIGH);
    zoning.record(day(condamine, 0));
    assertThat(zoning.zone(condamine)).as("first day left the window").isEqualTo(
        (high - medium) * 1e5 / residents >= 35 ? RiskZoning.MEDIUM : RiskZoning.LOW);
    zoning.record(day(condamine, 0));
    assertThat(zoning.zone(condamine)).isEqualTo(RiskZoning.LOW);
    assertThat(zoning.peakIncidence(condamine)).isCloseTo(high * 1e5 / residents, within(1e-9));
  }

  @Test
  void footprintsAreTheDistrictPolygonsOfEachZone() {
    RiskZoning zoning = new RiskZoning(pop, 35, 50);
    zoning.record(day(condamine, 100));
    int[] zones = zoning.zones();
    Map<String, Geometry> f = zoning.footprints(zones);
    District d = pop.districts().get(condamine);
    assertThat(f.get("riskHigh").getNumGeometries()).isEqualTo(1);
    assertThat(f.get("riskHigh").equalsExact(d.geometry())
        || f.get("riskHigh").getGeometryN(0).equalsExact(d.geometry())).isTrue();
    assertThat(f.get("riskMedium").isEmpty()).isTrue();
    assertThat(f.get("riskLow").getNumGeometries()).isEqualTo(pop.districts().size() - 1);
    assertThat(f.get("riskLow").intersects(d.geometry().getInteriorPoint())).isFalse();
    assertThat(zoning.residentsIn(zones, RiskZoning.HIGH)).isEqualTo(pop.residents(condamine));
    assertThat(zoning.cityIncidence()).isCloseTo(100 * 1e5 / pop.agents(), within(1e-9));
  }
}
