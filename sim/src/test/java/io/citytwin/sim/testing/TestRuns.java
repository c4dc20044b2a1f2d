package io.citytwin.sim.testing;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.sim.output.RunOutputs;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.run.ScenarioRun;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The Monaco snapshot (loaded once) and the drifting-cloud fixture scenario, for tests. */
public final class TestRuns {
  /** The fixture on the class path, a built-in scenario name for {@code ScenarioFiles.builtIn}. */
  public static final String CLOUD = "test-drifting-cloud";

  private static CitySnapshot monaco;

  private TestRuns() {}

  public static synchronized CitySnapshot monaco() {
    if (monaco == null) {
      monaco = CitySnapshot.of(CityImporter.importBuiltIn("monaco"));
    }
    return monaco;
  }

  /** The fixture's JSON text. */
  public static String cloudJson() {
    try (InputStream in = TestRuns.class.getClassLoader().getResourceAsStream("scenarios/" + CLOUD + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture with its JSON text edited (e.g. another seed). */
  public static Scenario cloud(UnaryOperator<String> edit) {
    byte[] json = edit.apply(cloudJson()).getBytes(StandardCharsets.UTF_8);
    return ScenarioFiles.read(new ByteArrayInputStream(json), CLOUD + ".json", CLOUD, monaco());
  }

  /** Runs {@code scenario} with the drifting cloud into {@code dir}, plus extra listeners. */
  public static RunResult runInto(Scenario scenario, Path dir, RunListener... more) {
    RunOutputs outputs = RunOutputs.open(dir, monaco(), RunOutputs.Options.DEFAULT);
    List<RunListener> listeners = new ArrayList<>(List.of(outputs));
    listeners.addAll(List.of(more));
    RunResult r = new ScenarioRun(scenario, DriftingCloudModel.FACTORY.create(scenario, monaco()), listeners).run();
    if (!outputs.warnings().isEmpty()) {
      throw new AssertionError("outputs warned: " + outputs.warnings());
    }
    return r;
  }
}
