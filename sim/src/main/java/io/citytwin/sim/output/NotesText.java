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
 * {@code notes.txt}: a header line {@code step<TAB>time<TAB>note}, then one line per note in step
 * order and, within a step, in the model's order. Tabs and line breaks inside a note become
 * spaces so every line stays one record.
 */
final class NotesText implements RunListener {
  private final OutputDirectory dir;
  private Writer out;
  private int count;

  NotesText(OutputDirectory dir) {
    this.dir = dir;
  }

  @Override
  public void started(Scenario scenario, List<Metric> metrics) {
    out = dir.writer(RunOutputs.NOTES);
    write("step\ttime\tnote\n");
  }

  @Override
  public void frame(Frame frame) {
    for (String note : frame.notes()) {
      write(frame.step() + "\t" + frame.time() + "\t" + note.replaceAll("[\\t\\r\\n]+", " ") + "\n");
      count++;
    }
  }

  @Override
  public void finished(RunResult result) {
    try {
      out.close();
    } catch (IOException e) {
      throw dir.failure(RunOutputs.NOTES, e);
    }
  }

  @Override
  public void aborted(Throwable cause) {
    Closing.quietly(out);
  }

  /** Notes written. */
  int count() {
    return count;
  }

  private void write(String line) {
    try {
      out.write(line);
    } catch (IOException e) {
      throw dir.failure(RunOutputs.NOTES, e);
    }
  }
}
