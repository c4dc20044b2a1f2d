package io.citytwin.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryValuesTest {

  @Test
  void unorderedMapsAndSetsComeOutSortedOrderedOnesKeepTheirOrder() {
    Map<String, Object> linked = new LinkedHashMap<>();
    linked.put("zeta", 1);
    linked.put("alpha", 2);
    Map<String, Object> out = SummaryValues.canonical(Map.of(
        "c", Map.of("b", 1, "a", 2, "c", 3),
        "a", linked,
        "b", new HashSet<>(List.of("pear", "apple", "fig")),
        "d", List.of("z", "y")));
    assertThat(out.keySet()).containsExactly("a", "b", "c", "d");
    assertThat(List.copyOf(((Map<?, ?>) out.get("a")).keySet())).isEqualTo(List.of("zeta", "alpha"));
    assertThat(List.copyOf(((Map<?, ?>) out.get("c")).keySet())).isEqualTo(List.of("a", "b", "c"));
    assertThat(out.get("b")).isEqualTo(List.of("apple", "fig", "pear"));
    assertThat(out.get("d")).isEqualTo(List.of("z", "y"));
  }

  @Test
  void numbersTimesAndArraysBecomeJsonValues() {
    Map<String, Object> in = new TreeMap<>();
    in.put("int", 3);
    in.put("float", 1.5f);
    in.put("time", Instant.parse("2026-11-24T06:00:00Z"));
    in.put("took", Duration.ofMinutes(90));
    in.put("curve", new double[] {1, 2.5});
    in.put("level", Thread.State.NEW);
    in.put("nothing", null);
    Map<String, Object> out = SummaryValues.canonical(in);
    assertThat(out).containsEntry("int", 3L).containsEntry("float", 1.5).containsEntry("took", "PT1H30M")
        .containsEntry("time", "2026-11-24T06:00:00Z").containsEntry("curve", List.of(1.0, 2.5))
        .containsEntry("level", "NEW").containsEntry("nothing", null);
  }

  @Test
  void anUnsupportedValueIsNamedByItsPath() {
    assertThatThrownBy(() -> SummaryValues.canonical(Map.of("districts", List.of(Map.of("risk", new StringBuilder())))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary.districts[0].risk").hasMessageContaining("java.lang.StringBuilder");
  }

  @Test
  void keysThatWriteTheSameAreRefused() {
    assertThatThrownBy(() -> SummaryValues.canonical(Map.of("m", Map.of(1, "a", "1", "b"))))
        .hasMessageContaining("two keys written '1'");
  }
}
