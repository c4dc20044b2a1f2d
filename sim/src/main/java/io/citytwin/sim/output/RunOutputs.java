package io.citytwin.sim.output;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.CitySnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's results into one directory, as the run goes (a {@link RunListener}). Layout:
 *
 * <pre>
 * DIR/
 *   summary.json                   scenario as given, city attribution, outcome, metric definitions
 *                                  with final and peak values, largest footprints, model summary
 *   metrics.csv                    step,time,&lt;metric&gt; [&lt;unit&gt;],...  one row per step
 *   notes.txt                      step TAB time TAB note, one line per note
 *   footprints.geojson             every footprint feature of every step (properties name, step,
 *                                  time, areaM2), one feature per line
 *   footprints/step-NNNNN.geojson  one FeatureCollection per step that has footprints
 *   charts/metrics-&lt;unit&gt;.png     metric time series, one chart per unit
 *   charts/footprints.png          largest footprints over the city (when there were any)
 * </pre>
 *
 * <p><b>Determinism contract.</b> Every text file ({@code .json}, {@code .csv}, {@code .txt},
 * {@code .geojson}) is a pure function of the scenario file, the city data and the model code:
 * the same seed gives the same bytes, on any machine and locale. To that end: UTF-8 and
 * {@code \n} line ends; numbers with fixed rules (metric and summary values to 9 significant
 * digits, half-even, plain notation from 1e-6 to below 1e15, coordinates to 7 decimal places);
 * non-finite values as empty CSV cells or JSON {@code null}; metrics, footprints and notes in the
 * model's order; unordered maps of the model's summary sorted by key; no wall-clock time anywhere
 * (timings are in {@link RunResult#timings()} only, for the caller to print). The PNG charts are
 * byte-identical between runs on one installation (fixed sizes, no metadata, locale-free labels)
 * but their pixels depend on the installed fonts, so they are outside the cross-machine contract.
 *
 * <p>Charts are drawn last; if the JVM cannot draw (no fonts, broken AWT), the text outputs are
 * still complete and the problem is reported by {@link #warnings()}.
 *
 * <p>Threading: like every listener, called from the runner's thread only.
 */
public final class RunOutputs implements RunListener {
  public static final String SUMMARY = "summary.json";
  public static final String METRICS = "metrics.csv";
  public static final String NOTES = "notes.txt";
  public static final String FOOTPRINTS = "footprints.geojson";
  public static final String FOOTPRINT_STEPS = "footprints";
  public static final String CHARTS = "charts";

  /**
   * How to write.
   *
   * @param overwrite an existing non-empty directory is accepted and the entries of the layout in
   *     it are removed first (other files are left alone); otherwise it is refused
   * @param charts whether to draw the PNG charts
   */
  public record Options(boolean overwrite, boolean charts) {
    public static final Options DEFAULT = new Options(false, true);
  }

  private final OutputDirectory dir;
  private final CitySnapshot city;
  private final Options options;
  private final MetricsCsv metrics;
  private final NotesText notes;
  private final FootprintFiles footprints;
  private final List<String> warnings = new ArrayList<>();

  private RunOutputs(OutputDirectory dir, CitySnapshot city, Options options) {
    this.dir = dir;
    this.city = city;
    this.options = options;
    this.metrics = new MetricsCsv(dir);
    this.notes = new NotesText(dir);
    this.footprints = new FootprintFiles(dir, city.source().projection());
  }

  /**
   * Prepares {@code dir} (created when missing) for one run on {@code city}.
   *
   * @throws OutputException when the directory is not empty (without {@code overwrite}), is a
   *     file, or cannot be created
   */
  public static RunOutputs open(Path dir, CitySnapshot city, Options options) {
    return new RunOutputs(OutputDirectory.prepare(dir, options.overwrite()), city, options);
  }

  /** The output directory. */
  public Path directory() {
    return dir.root();
  }

  /** Files written so far, relative to the directory with {@code /} separators, in path order. */
  public List<String> files() {
    return dir.written();
  }

  /** Problems that did not stop the run (e.g. charts that could not be drawn). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void started(Scenario scenario, List<Metric> declared) {
    metrics.started(scenario, declared);
    notes.started(scenario, declared);
    footprints.started(scenario, declared);
  }

  @Override
  public void frame(Frame frame) {
    metrics.frame(frame);
    notes.frame(frame);
    footprints.frame(frame);
  }

  @Override
  public void finished(RunResult result) {
    metrics.finished(result);
    notes.finished(result);
    footprints.finished(result);
    SummaryJson.write(dir, city, result, footprints.largest(), notes.count());
    if (options.charts()) {
      drawCharts(result);
    }
  }

  private void drawCharts(RunResult result) {
    try {
      Charts.write(dir, city, result, footprints.largest());
    } catch (OutputException e) {
      throw e;
    } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
      // Headless JVMs without fonts fail here (e.g. "Fontconfig head is null"); the text outputs
      // are complete, so report rather than lose them.
      warnings.add("charts were not drawn: " + e);
    }
  }

  @Override
  public void aborted(Throwable cause) {
    metrics.aborted(cause);
    notes.aborted(cause);
    footprints.aborted(cause);
  }
}
