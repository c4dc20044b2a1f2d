package io.citytwin.app.cli;

import io.citytwin.app.wiring.Node;
import io.citytwin.app.wiring.ScenarioModels;
import io.citytwin.sim.output.OutputException;
import io.citytwin.sim.output.RunOutputs;
import io.citytwin.sim.run.Models;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.run.ScenarioRun;
import io.citytwin.sim.run.SimulationException;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.whatif.LiveStateJson;
import io.citytwin.sim.whatif.WhatIf;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code citytwin simulate SCENARIO --out DIR}: runs a forecast scenario offline on a city and
 * writes its results (layout in {@link RunOutputs}), with progress on stderr and a report of
 * what was written on stdout. Ctrl-C stops the run after the current step and still writes the
 * outputs of the steps run (outcome {@code cancelled}).
 *
 * <p>Exit codes: 0 when the outputs are written; 1 when the scenario, the city or the output
 * directory is unusable or the model fails (the message names the file and field, no stack
 * trace); 2 for a drill scenario (drills run against a live platform) and for a bad command line.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a forecast scenario on the city model and write its results to a directory:",
      "summary.json, metrics.csv, notes.txt, footprints (GeoJSON per step and all steps) and charts.",
      "SCENARIO: a scenario file (.json), or the name of a built-in scenario.",
      "With --from-live URL the forecast starts now from a running platform's state: at --incident's",
      "place (SCENARIO, if given, is the template; else the city's example of the incident's hazard),",
      "or SCENARIO moved to now (a flood takes the present sea level and rainfall). The scenario",
      "document run is written to DIR/scenario.json."
    })
public final class SimulateCommand implements Callable<Integer> {
  static final int DRILL = 2;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "scenario file or built-in scenario name (with --from-live: the template, optional with --incident)")
  String scenarioArg;

  @Option(names = "--from-live", paramLabel = "URL",
      description = "start from now on the live state of the platform at URL, e.g. http://localhost:8080")
  String fromLive;

  @Option(names = "--incident", paramLabel = "ID", description = "with --from-live: forecast this incident's hazard")
  String incident;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "output directory; created when missing, must be empty unless --overwrite")
  Path out;

  @Option(names = "--city", paramLabel = "NAME|SPEC", defaultValue = "monaco",
      description = "built-in city or city.json spec (default ${DEFAULT-VALUE})")
  String city;

  @Option(names = "--overwrite", description = "replace the outputs of an earlier run in DIR (other files stay)")
  boolean overwrite;

  @Option(names = "--no-charts", negatable = false, description = "skip the PNG charts")
  boolean noCharts;

  @Option(names = {"-q", "--quiet"}, description = "no progress display; print only the output directory")
  boolean quiet;

  private final Models models;

  /** With the models of this build. */
  public SimulateCommand() {
    this(ScenarioModels.all());
  }

  /** With the given models (tests, or a build that adds its own). */
  public SimulateCommand(Models models) {
    this.models = models;
  }

  @Override
  public Integer call() {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (incident != null && fromLive == null) {
      err.println("citytwin simulate: --incident needs --from-live URL (the platform the incident is on)");
      return DRILL;
    }
    if (scenarioArg == null && (fromLive == null || incident == null)) {
      err.println("citytwin simulate: give a SCENARIO (or --from-live URL --incident ID)");
      return DRILL;
    }
    try {
      CitySnapshot snapshot = loadCity();
      WhatIf.Forecast whatIf = fromLive == null ? null : whatIf(err);
      Scenario scenario = whatIf == null ? readScenario(snapshot) : LiveForecasts.scenario(whatIf, fromLive, snapshot);
      if (scenario.mode() == Scenario.Mode.DRILL) {
        err.println("citytwin simulate: " + scenario.source() + " is a drill; drills run against a running platform"
            + " (citytwin run), started with POST /api/drills and this scenario as the body. simulate runs"
            + " forecast scenarios only.");
        return DRILL;
      }
      SimulationModel model = models.create(scenario, snapshot);
      RunOutputs outputs = RunOutputs.open(out, snapshot, new RunOutputs.Options(overwrite, !noCharts));
      RunResult result = run(scenario, model, outputs, err);
      if (whatIf != null) {
        LiveForecasts.write(whatIf, outputs.directory());
        if (!quiet) {
          stdout.println("The what-if scenario run: " + outputs.directory().resolve(LiveForecasts.SCENARIO_FILE));
        }
      }
      outputs.warnings().forEach(w -> err.println("citytwin simulate: warning: " + w));
      if (quiet) {
        stdout.println(outputs.directory());
      } else {
        report(stdout, snapshot, result, outputs);
      }
      return 0;
    } catch (ScenarioInputException | OutputException | SimulationException e) {
      err.println("citytwin simulate: " + e.getMessage());
      return 1;
    } catch (LivePlatform.LiveException | LiveStateJson.LiveFormatException e) {
      err.println("citytwin simulate: --from-live: " + e.getMessage());
      return 1;
    } catch (CityException e) {
      err.println("citytwin simulate: city '" + city + "': " + e.getMessage());
      return 1;
    }
  }

  /** Runs on this thread; Ctrl-C cancels and waits (briefly) for the outputs to be completed. */
  private RunResult run(Scenario scenario, SimulationModel model, RunOutputs outputs, PrintStream err) {
    List<RunListener> listeners = new ArrayList<>(List.of(outputs));
    if (!quiet) {
      listeners.add(new SimulationProgress(err, Terminals.stderrIsTerminal()));
    }
    ScenarioRun run = new ScenarioRun(scenario, model, listeners);
    CountDownLatch done = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      run.cancel();
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "citytwin-simulate-cancel");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      return run.run();
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException e) {
        // Already shutting down (Ctrl-C): the hook is running and has just been released.
      }
    }
  }

  private WhatIf.Forecast whatIf(PrintStream err) {
    LivePlatform live = new LivePlatform(fromLive, Clock.systemUTC());
    WhatIf.Forecast f = LiveForecasts.forecast(live, incident, scenarioArg);
    if (!quiet) {
      f.basis().forEach(b -> err.println("citytwin simulate: what-if: " + b));
    }
    return f;
  }

  private CitySnapshot loadCity() {
    try {
      return CitySnapshot.of(Node.cityLoader(city).call());
    } catch (Exception e) {
      throw new CityException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
  }

  private Scenario readScenario(CitySnapshot snapshot) {
    return isFile(scenarioArg) ? ScenarioFiles.read(Path.of(scenarioArg), snapshot)
        : ScenarioFiles.builtIn(scenarioArg, snapshot);
  }

  /** A path to a file, as opposed to the name of a built-in scenario (same rule as {@code --city}). */
  static boolean isFile(String arg) {
    try {
      return arg.endsWith(".json") || Files.isRegularFile(Path.of(arg));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private void report(PrintStream stdout, CitySnapshot snapshot, RunResult r, RunOutputs outputs) {
    Scenario s = r.scenario();
    stdout.printf(Locale.ROOT, "%s (%s, seed %d): %s after %d of %d steps, simulated until %s%n", s.name(),
        s.type().code(), s.seed(), r.outcome().code().replace('_', ' '), r.stepsRun(), s.steps(), r.end());
    List<String> files = outputs.files();
    long steps = files.stream().filter(f -> f.startsWith(RunOutputs.FOOTPRINT_STEPS + "/")).count();
    stdout.println("Wrote " + files.size() + " files to " + outputs.directory() + ":");
    for (String f : files) {
      if (!f.startsWith(RunOutputs.FOOTPRINT_STEPS + "/")) {
        stdout.println("  " + f);
      }
    }
    if (steps > 0) {
      stdout.println("  " + RunOutputs.FOOTPRINT_STEPS + "/step-*.geojson (" + steps + " steps)");
    }
    stdout.printf(Locale.ROOT, "Took %.2f s (model %.2f s, %,.0f steps/s; outputs and progress %.2f s)%n",
        r.timings().total().toNanos() / 1e9, r.timings().model().toNanos() / 1e9, r.modelStepsPerSecond(),
        r.timings().listeners().toNanos() / 1e9);
    stdout.println("City data: " + snapshot.attribution());
  }

  /** The city could not be loaded. */
  private static final class CityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CityException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
