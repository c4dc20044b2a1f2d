package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated garbage: every input either yields a {@link CapParseResult} or the documented {@link
 * CapFormatException} naming the source and the problem; nothing else escapes. Whatever the parser
 * accepts as valid, the writer writes back valid and equal.
 */
class CapGarbageTest {
  private static final List<String> DOCUMENTS = documents();
  private final CapParser parser = new CapParser();

  @Property(tries = 1500, seed = "4611")
  void mutatedDocuments(@ForAll("mutated") String xml) {
    check(xml.getBytes(StandardCharsets.UTF_8), "mutated");
    Statistics.label("outcome").coverage(c -> {
      c.check("valid").percentage(p -> p >= 3);
      c.check("invalid alert").percentage(p -> p >= 5);
      c.check("no alert").percentage(p -> p >= 10);
      c.check("not CAP XML").percentage(p -> p >= 5);
    });
  }

  @Property(tries = 500, seed = "4612")
  void truncatedDocuments(@ForAll("truncated") String xml) {
    check(xml.getBytes(StandardCharsets.UTF_8), "truncated");
  }

  @Property(tries = 1000, seed = "4613")
  void randomBytes(@ForAll byte[] bytes) {
    check(bytes, "bytes");
  }

  @Provide
  Arbitrary<String> mutated() {
    return Arbitraries.randomValue(r -> XmlGarbage.mutate(DOCUMENTS.get(r.nextInt(DOCUMENTS.size())), r));
  }

  @Provide
  Arbitrary<String> truncated() {
    return Arbitraries.randomValue(r -> XmlGarbage.truncate(DOCUMENTS.get(r.nextInt(DOCUMENTS.size())), r));
  }

  private void check(byte[] input, String source) {
    try {
      CapParseResult read = parser.parse(input, source);
      assertThat(read.problems()).allSatisfy(p -> {
        assertThat(p.path()).isNotBlank();
        assertThat(p.message()).isNotBlank();
      });
      if (read.isValid()) {
        Statistics.label("outcome").collect("valid");
        CapAlert alert = read.alert().orElseThrow();
        CapParseResult again = parser.parse(CapWriter.writeBytes(alert), "rewritten");
        assertThat(again.errors()).isEmpty();
        assertThat(again.alert()).contains(alert);
      } else {
        Statistics.label("outcome").collect(read.alert().isPresent() ? "invalid alert" : "no alert");
        assertThat(read.errors()).isNotEmpty();
      }
    } catch (CapFormatException e) {
      Statistics.label("outcome").collect("not CAP XML");
      assertThat(e.source()).isEqualTo(source);
      assertThat(e.problem()).isNotBlank();
      assertThat(e.getMessage()).startsWith(source + ": ").endsWith(e.problem()).doesNotContain("\tat ");
    }
  }

  /** The real samples, valid and invalid, plus generated alerts. */
  private static List<String> documents() {
    List<String> docs = new ArrayList<>();
    for (String name : Samples.VALID) {
      docs.add(new String(Samples.bytes(name), StandardCharsets.UTF_8));
    }
    for (String name : Samples.INVALID) {
      docs.add(new String(Samples.bytes(name), StandardCharsets.UTF_8));
    }
    Random r = new Random(4610);
    for (int i = 0; i < 10; i++) {
      docs.add(CapWriter.write(new RandomCap(r).alert()));
    }
    return List.copyOf(docs);
  }
}
