package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.web.sensors.HistoryRequest;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The history query parser on good input and on generated garbage. */
class HistoryParamsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void readsEveryParameter() {
    HistoryRequest r = HistoryParams.parse("s1", MultiMap.caseInsensitiveMultiMap()
        .add("quantity", "water_level").add("from", "1763942400000").add("to", "2026-11-24T02:00:00+01:00")
        .add("limit", "250"), NOW);
    assertThat(r).isEqualTo(new HistoryRequest("s1", Optional.of(Quantity.WATER_LEVEL),
        Instant.ofEpochMilli(1763942400000L), Instant.parse("2026-11-24T01:00:00Z"), OptionalInt.of(250)));
  }

  @Test
  void defaultsToTheDayBeforeNow() {
    HistoryRequest r = HistoryParams.parse("s1", MultiMap.caseInsensitiveMultiMap(), NOW);
    assertThat(r.from()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    assertThat(r.to()).isEqualTo(NOW);
    assertThat(r.quantity()).isEmpty();
    assertThat(r.limit()).isEmpty();
  }

  /** Whatever the query, the answer is a usable request or an error naming a parameter; nothing else. */
  @Property(tries = 2000, seed = "20261124")
  void garbageIsABadParameterNeverACrash(@ForAll("values") String quantity, @ForAll("values") String from,
      @ForAll("values") String to, @ForAll("values") String limit) {
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    add(query, "quantity", quantity);
    add(query, "from", from);
    add(query, "to", to);
    add(query, "limit", limit);
    try {
      HistoryRequest r = HistoryParams.parse("s1", query, NOW);
      assertThat(r.from()).isBeforeOrEqualTo(r.to());
      r.limit().ifPresent(l -> assertThat(l).isBetween(1, HistoryParams.MAX_LIMIT));
      r.quantity().ifPresent(q -> assertThat(q.canonicalName()).isEqualTo(quantity));
    } catch (BadParameterException e) {
      assertThat(e.parameter()).isIn("quantity", "from", "to", "limit");
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static void add(MultiMap query, String name, String value) {
    if (value != null) {
      query.add(name, value);
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars("0123456789-+:.TZ").ofMaxLength(30),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.integers().between(-5, 100_005).map(String::valueOf),
        Arbitraries.of(Quantity.values()).map(Quantity::canonicalName),
        Arbitraries.longs().between(-4_000_000_000_000L, 40_000_000_000_000L).map(ms -> Instant.ofEpochMilli(ms).toString()));
  }
}
