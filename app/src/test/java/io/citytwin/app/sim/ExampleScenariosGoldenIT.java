package io.citytwin.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.app.wiring.ScenarioModels;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.sim.output.RunOutputs;
import io.citytwin.sim.run.ScenarioRun;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden outputs of the real models (MATSim style): every shipped forecast scenario is run on the
 * demo city and its text outputs compared byte for byte with the reviewed copy in {@code
 * src/test/resources/golden/examples/{id}/} ({@code summary.json}, {@code metrics.csv}, {@code
 * notes.txt}, and the SHA-256 of {@code footprints.geojson}, which is too large to keep). A change
 * in a model's results fails here until the golden copy is regenerated and the diff reviewed:
 * {@code mvn -B -pl app -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ExampleScenariosGoldenIT -Dcitytwin.regenerateGolden=true}.
 */
class ExampleScenariosGoldenIT {
  static final Path GOLDEN = Path.of("src/test/resources/golden/examples");
  static final List<String> TEXT = List.of("summary.json", "metrics.csv", "notes.txt");
  static CitySnapshot city;

  @TempDir Path dir;

  @BeforeAll
  static void monaco() {
    city = CitySnapshot.of(CityImporter.importBuiltIn("monaco"));
  }

  static List<String> forecasts() {
    return ScenarioModels.builtInScenarios().stream()
        .filter(id -> ScenarioFiles.builtIn(id, city()).mode() == Scenario.Mode.FORECAST).toList();
  }

  private static CitySnapshot city() {
    if (city == null) {
      monaco();
    }
    return city;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forecasts")
  void theShippedForecastGivesItsReviewedOutputs(String id) throws Exception {
    Path out = run(ScenarioFiles.builtIn(id, city), dir.resolve("run"));
    Path golden = GOLDEN.resolve(id);
    if (Boolean.getBoolean("citytwin.regenerateGolden")) {
      Files.createDirectories(golden);
      for (String f : TEXT) {
        Files.copy(out.resolve(f), golden.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(golden.resolve("footprints.geojson.sha256"), sha256(out.resolve("footprints.geojson")) + "\n");
    }
    for (String f : TEXT) {
      assertThat(Files.readString(out.resolve(f))).as(id + "/" + f).isEqualTo(Files.readString(golden.resolve(f)));
    }
    assertThat(sha256(out.resolve("footprints.geojson")) + "\n").as(id + "/footprints.geojson")
        .isEqualTo(Files.readString(golden.resolve("footprints.geojson.sha256")));
  }

  /** The stochastic models: another seed, another outcome (the hazards' physics has no randomness). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"monaco-epidemic", "monaco-evacuation"})
  void anotherSeedGivesAnotherOutcome(String id) throws Exception {
    Scenario s = ScenarioFiles.builtIn(id, city);
    Scenario other = new Scenario(s.id(), s.name(), s.type(), s.mode(), s.site(), s.start(), s.duration(), s.step(),
        s.seed() + 1, s.parameters(), s.interventions(), s.source());
    String a = Files.readString(run(s, dir.resolve("a")).resolve("metrics.csv"));
    String b = Files.readString(run(other, dir.resolve("b")).resolve("metrics.csv"));
    assertThat(b).isNotEqualTo(a);
  }

  private static Path run(Scenario s, Path out) {
    RunOutputs outputs = RunOutputs.open(out, city, new RunOutputs.Options(false, false));
    new ScenarioRun(s, ScenarioModels.all().create(s, city), List.of(outputs)).run();
    return out;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
