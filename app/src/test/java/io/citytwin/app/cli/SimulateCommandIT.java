package io.citytwin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.sim.run.Models;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.testing.DriftingCloudModel;
import io.citytwin.sim.testing.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citytwin simulate} as a user runs it, with the drifting-cloud test model registered for
 * chemical releases (the real models are wired in by the application).
 */
class SimulateCommandIT {
  private static final Models TEST_MODELS = Models.none().with(ScenarioType.CHEMICAL_RELEASE, DriftingCloudModel.FACTORY);

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return CityTwinCommand.commandLine(TEST_MODELS).execute(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path scenarioFile(String edit, String replacement) throws IOException {
    return Files.writeString(dir.resolve("scenario.json"), TestRuns.cloudJson().replace(edit, replacement));
  }

  @Test
  void aBuiltInScenarioRunsAndTheOutputsAreListed() {
    Path target = dir.resolve("out");
    int code = run("simulate", TestRuns.CLOUD, "--out", target.toString());
    assertThat(code).as(stderr()).isZero();
    assertThat(stdout())
        .contains("Drifting test cloud over Monte-Carlo (chemical_release, seed 20261124): completed after 13 of 13 steps")
        .contains("Wrote 22 files to " + target)
        .contains("  summary.json\n").contains("  metrics.csv\n").contains("  charts/footprints.png\n")
        .contains("footprints/step-*.geojson (13 steps)")
        .contains("City data: Map data © OpenStreetMap contributors, ODbL");
    assertThat(target.resolve("summary.json")).exists();
    assertThat(target.resolve("footprints/step-00013.geojson")).exists();
    // stderr is not a terminal here: plain progress lines, no carriage returns.
    assertThat(stderr()).contains("test-drifting-cloud: 13 steps of PT5M from 2026-11-24T06:00:00Z")
        .contains("test-drifting-cloud: step 13/13 (100%), simulated time 2026-11-24T07:02:00Z")
        .doesNotContain("\r");
  }

  @Test
  void aScenarioFileRunTwiceGivesByteIdenticalOutputs() throws IOException {
    Path file = scenarioFile("\"seed\": 20261124", "\"seed\": 99");
    assertThat(run("simulate", file.toString(), "--out", dir.resolve("a").toString(), "--quiet")).as(stderr()).isZero();
    assertThat(run("simulate", file.toString(), "--out", dir.resolve("b").toString(), "--quiet")).as(stderr()).isZero();
    List<String> files = files(dir.resolve("a"));
    assertThat(files).hasSize(22).isEqualTo(files(dir.resolve("b")));
    for (String f : files) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
    }
    assertThat(Files.readString(dir.resolve("a/summary.json"))).contains("\"seed\": 99");
  }

  @Test
  void quietPrintsOnlyTheOutputDirectory() {
    Path target = dir.resolve("q");
    assertThat(run("simulate", TestRuns.CLOUD, "--out", target.toString(), "-q", "--no-charts")).isZero();
    assertThat(stdout()).isEqualTo(target + System.lineSeparator());
    assertThat(stderr()).isEmpty();
    assertThat(target.resolve("charts")).doesNotExist();
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefusedUnlessOverwriting() throws IOException {
    Path target = Files.createDirectories(dir.resolve("used"));
    Files.writeString(target.resolve("keep.txt"), "mine");
    assertThat(run("simulate", TestRuns.CLOUD, "--out", target.toString(), "-q")).isEqualTo(1);
    assertThat(stderr()).startsWith("citytwin simulate: " + target + " is not empty");
    assertThat(run("simulate", TestRuns.CLOUD, "--out", target.toString(), "-q", "--overwrite")).isZero();
    assertThat(target.resolve("summary.json")).exists();
    assertThat(target.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void aBadScenarioFileFailsNamingTheFieldWithoutAStackTrace() throws IOException {
    Path file = scenarioFile("\"type\": \"chemical_release\"", "\"type\": \"volcano\"");
    assertThat(run("simulate", file.toString(), "--out", dir.resolve("x").toString())).isEqualTo(1);
    assertThat(stderr()).startsWith("citytwin simulate: scenario.json, field 'type': unknown scenario type 'volcano'")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void aParameterTheModelRefusesIsNamed() throws IOException {
    Path file = scenarioFile("\"growthM\": 30", "\"growthM\": -5");
    assertThat(run("simulate", file.toString(), "--out", dir.resolve("x").toString())).isEqualTo(1);
    assertThat(stderr()).contains("scenario.json, field 'parameters.growthM': -5.0 is outside").doesNotContain("\tat ");
  }

  @Test
  void missingFilesAndUnknownBuiltInsAreNamed() {
    assertThat(run("simulate", dir.resolve("nope.json").toString(), "--out", dir.resolve("x").toString())).isEqualTo(1);
    assertThat(stderr()).contains("nope.json: file not found");
    assertThat(run("simulate", "no-such-scenario", "--out", dir.resolve("x").toString())).isEqualTo(1);
    assertThat(stderr()).contains("scenarios/no-such-scenario.json: no such built-in scenario");
  }

  @Test
  void aDrillIsSentToTheRunningPlatformWithExitCode2() throws IOException {
    Path file = scenarioFile("\"mode\": \"forecast\"", "\"mode\": \"drill\"");
    assertThat(run("simulate", file.toString(), "--out", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(stderr()).contains("scenario.json is a drill").contains("POST /api/drills");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void aTypeWithoutAModelInThisBuildIsNamed() {
    int code = CityTwinCommand.commandLine(Models.none())
        .execute("simulate", TestRuns.CLOUD, "--out", dir.resolve("x").toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("field 'type': no model for 'chemical_release' in this build (available: none)");
  }

  @Test
  void anUnknownCityIsNamed() {
    assertThat(run("simulate", TestRuns.CLOUD, "--out", dir.resolve("x").toString(), "--city", "atlantis"))
        .isEqualTo(1);
    assertThat(stderr()).startsWith("citytwin simulate: city 'atlantis': ").doesNotContain("\tat ");
  }

  @Test
  void theOutputDirectoryIsRequired() {
    assertThat(run("simulate", TestRuns.CLOUD)).isEqualTo(2);
    assertThat(stderr()).contains("Missing required option: '--out=DIR'");
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
