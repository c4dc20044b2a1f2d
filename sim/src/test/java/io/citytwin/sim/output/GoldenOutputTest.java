package io.citytwin.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.sim.testing.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The determinism contract of the outputs: the same seed gives byte-identical files, another seed
 * gives other results, and the text outputs of the fixture match a golden copy kept in
 * {@code src/test/resources/golden/drifting-cloud/}, whatever the machine's locale and time zone.
 *
 * <p>When a deliberate change alters the outputs, regenerate the golden copy and review its diff:
 * {@code mvn -B -q -pl sim -am verify -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcitytwin.regenerateGolden=true}.
 */
class GoldenOutputTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "drifting-cloud");

  @TempDir Path tmp;

  @Test
  void theSameSeedWritesByteIdenticalFilesChartsIncluded() throws IOException {
    TestRuns.runInto(TestRuns.cloud(s -> s), tmp.resolve("a"));
    TestRuns.runInto(TestRuns.cloud(s -> s), tmp.resolve("b"));
    List<String> a = files(tmp.resolve("a"));
    assertThat(a).contains("summary.json", "metrics.csv", "notes.txt", "footprints.geojson",
        "footprints/step-00001.geojson", "charts/metrics-persons.png", "charts/footprints.png");
    assertThat(files(tmp.resolve("b"))).isEqualTo(a);
    for (String f : a) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
  }

  @Test
  void anotherSeedGivesOtherResults() throws IOException {
    TestRuns.runInto(TestRuns.cloud(s -> s), tmp.resolve("a"));
    TestRuns.runInto(TestRuns.cloud(s -> s.replace("\"seed\": 20261124", "\"seed\": 20261125")), tmp.resolve("b"));
    for (String f : List.of("metrics.csv", "footprints.geojson", "footprints/step-00001.geojson", "summary.json")) {
      assertThat(Files.readString(tmp.resolve("b").resolve(f))).as(f)
          .isNotEqualTo(Files.readString(tmp.resolve("a").resolve(f)));
    }
  }

  @Test
  void textOutputsMatchTheGoldenCopyUnderAnyLocaleAndTimeZone() throws IOException {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    Path out = tmp.resolve("run");
    try {
      // Decimal commas and a half-hour offset: neither may leak into the files.
      Locale.setDefault(Locale.GERMANY);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      TestRuns.runInto(TestRuns.cloud(s -> s), out);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
    List<String> text = files(out).stream().filter(f -> !f.endsWith(".png")).toList();
    if (Boolean.getBoolean("citytwin.regenerateGolden")) {
      regenerate(out, text);
    }
    assertThat(files(GOLDEN)).as("golden files (regenerate with -Dcitytwin.regenerateGolden=true)")
        .isEqualTo(text);
    for (String f : text) {
      assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(GOLDEN.resolve(f)));
    }
  }

  private static void regenerate(Path out, List<String> text) throws IOException {
    if (Files.isDirectory(GOLDEN)) {
      try (Stream<Path> old = Files.walk(GOLDEN)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String f : text) {
      Files.createDirectories(GOLDEN.resolve(f).getParent());
      Files.copy(out.resolve(f), GOLDEN.resolve(f));
    }
  }

  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
