package io.citytwin.sim.output;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.scenario.Scenario;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code metrics.csv}: a header {@code step,time,<name> [<unit>],...} then one row per step, in the
 * model's metric order; numbers through {@link Numbers#value}, a non-finite value as an empty cell;
 * RFC 4180 quoting where a cell needs it, {@code \n} line ends.
 */
final class MetricsCsv implements RunListener {
  private final OutputDirectory dir;
  private Writer out;
  private List<Metric> metrics;

  MetricsCsv(OutputDirectory dir) {
    this.dir = dir;
  }

  @Override
  public void started(Scenario scenario, List<Metric> metrics) {
    this.metrics = metrics;
    out = dir.writer(RunOutputs.METRICS);
    StringBuilder header = new StringBuilder("step,time");
    for (Metric m : metrics) {
      header.append(',').append(cell(m.unit() == null || m.unit().isBlank() ? m.name() : m.name() + " [" + m.unit() + "]"));
    }
    write(header.append('\n').toString());
  }

  @Override
  public void frame(Frame frame) {
    StringBuilder row = new StringBuilder();
    row.append(frame.step()).append(',').append(frame.time());
    for (Metric m : metrics) {
      double v = frame.metrics().get(m.name());
      row.append(',');
      if (Double.isFinite(v)) {
        row.append(Numbers.value(v));
      }
    }
    write(row.append('\n').toString());
  }

  @Override
  public void finished(RunResult result) {
    try {
      out.close();
    } catch (IOException e) {
      throw dir.failure(RunOutputs.METRICS, e);
    }
  }

  @Override
  public void aborted(Throwable cause) {
    Closing.quietly(out);
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw dir.failure(RunOutputs.METRICS, e);
    }
  }

  /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
  static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
