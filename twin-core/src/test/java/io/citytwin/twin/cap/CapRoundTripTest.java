package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Model → CAP 1.2 XML → schema + rules → model: every generated alert is written valid against the
 * OASIS schema and the CAP rules, and reads back equal to what was written.
 */
class CapRoundTripTest {
  private final CapParser parser = new CapParser();

  @Property(tries = 600, seed = "4601")
  void writtenAlertsAreValidAndReadBackEqual(@ForAll("alerts") CapAlert alert) {
    byte[] xml = CapWriter.writeBytes(alert);

    CapParseResult read = parser.parse(xml, "generated");

    assertThat(read.problems()).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
    assertThat(read.version()).isEqualTo(CapVersion.V1_2);
    assertThat(read.alert()).contains(alert);
    Statistics.label("infos").collect(Math.min(alert.infos().size(), 2));
    Statistics.label("msgType").collect(alert.msgType());
    Statistics.label("scope").collect(alert.scope());
    Statistics.label("infos").coverage(c -> c.check(2).percentage(p -> p > 20));
  }

  @Property(tries = 200, seed = "4602")
  void validatingAnAlertFindsNothingInAValidOne(@ForAll("alerts") CapAlert alert) {
    assertThat(CapValidator.validate(alert)).isEmpty();
    assertThat(CapRules.check(alert)).isEmpty();
  }

  @Provide
  Arbitrary<CapAlert> alerts() {
    return Arbitraries.randomValue(r -> new RandomCap(r).alert());
  }
}
