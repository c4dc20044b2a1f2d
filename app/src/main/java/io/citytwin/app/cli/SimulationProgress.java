package io.citytwin.app.cli;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.scenario.Scenario;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a run is on standard error: a progress bar redrawn in place on a terminal (steps,
 * percentage, elapsed and remaining time, simulated clock), or plain lines at every tenth of the
 * run when standard error is a file or a pipe, so logs stay readable.
 */
final class SimulationProgress implements RunListener {
  private final PrintStream err;
  private final boolean terminal;
  private ProgressBar bar;
  private String id;
  private int planned;
  private int lastTenth;
  private int lastPrinted;

  SimulationProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void started(Scenario scenario, List<Metric> metrics) {
    id = scenario.id();
    planned = scenario.steps();
    if (terminal) {
      bar = new ProgressBarBuilder()
          .setTaskName("simulate")
          .setInitialMax(planned)
          .setUnit(" steps", 1)
          .setStyle(ProgressBarStyle.UNICODE_BLOCK)
          .setUpdateIntervalMillis(200)
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .build();
    } else {
      err.println(id + ": " + planned + " steps of " + scenario.step() + " from " + scenario.start());
    }
  }

  @Override
  public void frame(Frame frame) {
    if (bar != null) {
      bar.stepTo(frame.step());
      // Minutes are enough on the bar; an 80-column terminal leaves little room.
      bar.setExtraMessage(frame.time().truncatedTo(ChronoUnit.MINUTES).toString().replace(":00Z", "Z"));
      return;
    }
    int tenth = (int) (10L * frame.step() / planned);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      lastPrinted = frame.step();
      err.println(line(frame.step(), frame.time().toString()));
    }
  }

  @Override
  public void finished(RunResult result) {
    if (bar != null) {
      bar.close();
    } else if (result.stepsRun() > lastPrinted) {
      // Ended (early or cancelled) between two tenths: say where.
      err.println(line(result.stepsRun(), result.end().toString()));
    }
  }

  @Override
  public void aborted(Throwable cause) {
    if (bar != null) {
      bar.close();
    }
  }

  private String line(int step, String time) {
    return String.format(Locale.ROOT, "%s: step %d/%d (%d%%), simulated time %s", id, step, planned,
        100L * step / planned, time);
  }
}
