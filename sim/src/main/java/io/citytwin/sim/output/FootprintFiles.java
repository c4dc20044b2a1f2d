package io.citytwin.sim.output;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.scenario.Scenario;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The footprints of a run as GeoJSON, and the largest extent each named footprint reached.
 *
 * <ul>
 *   <li>{@code footprints/step-NNNNN.geojson}: for every step whose frame has footprints, a
 *       FeatureCollection with one Feature per footprint in the model's order; {@code NNNNN} is
 *       the step, zero-padded to at least five digits (more when the scenario has more steps) so
 *       names sort in step order;
 *   <li>{@code footprints.geojson}: every one of those features of every step, one per line, for
 *       GIS tools that animate by a time property.
 * </ul>
 *
 * <p>Feature properties: {@code name}, {@code step}, {@code time} (ISO-8601 UTC) and
 * {@code areaM2} (in the city's metric projection). An empty footprint is a feature with a
 * {@code null} geometry and area 0, so a player sees it disappear.
 */
final class FootprintFiles implements RunListener {
  private final OutputDirectory dir;
  private final MetricProjection projection;
  private final Map<String, Extent> largest = new LinkedHashMap<>();
  private Writer all;
  private boolean first = true;
  private int digits;

  /**
   * The largest extent a footprint reached.
   *
   * @param name footprint name
   * @param geometry its geometry at that step (WGS84)
   * @param step the first step it was that large
   * @param time that step's time
   * @param areaM2 its area then
   * @param stepsPresent number of steps on which it was not empty
   */
  record Extent(String name, Geometry geometry, int step, Instant time, double areaM2, int stepsPresent) {}

  FootprintFiles(OutputDirectory dir, MetricProjection projection) {
    this.dir = dir;
    this.projection = projection;
  }

  @Override
  public void started(Scenario scenario, List<Metric> metrics) {
    digits = Math.max(5, Integer.toString(scenario.steps()).length());
    all = dir.writer(RunOutputs.FOOTPRINTS);
    write(all, RunOutputs.FOOTPRINTS, "{\"type\":\"FeatureCollection\",\"features\":[");
  }

  @Override
  public void frame(Frame frame) {
    if (frame.footprints().isEmpty()) {
      return;
    }
    List<String> features = new ArrayList<>();
    frame.footprints().forEach((name, geometry) -> {
      double area = geometry.isEmpty() ? 0 : projection.areaM2(geometry);
      track(name, geometry, frame, area);
      features.add(feature(name, geometry, frame, area));
    });
    String file = stepFile(frame.step());
    try (Writer w = dir.writer(file)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      w.write(String.join(",\n", features));
      w.write("\n]}\n");
    } catch (IOException e) {
      throw dir.failure(file, e);
    }
    for (String f : features) {
      write(all, RunOutputs.FOOTPRINTS, (first ? "\n" : ",\n") + f);
      first = false;
    }
  }

  String stepFile(int step) {
    return RunOutputs.FOOTPRINT_STEPS + "/step-" + String.format(Locale.ROOT, "%0" + digits + "d", step) + ".geojson";
  }

  private void track(String name, Geometry geometry, Frame frame, double area) {
    Extent e = largest.get(name);
    int present = (e == null ? 0 : e.stepsPresent()) + (geometry.isEmpty() ? 0 : 1);
    if (e == null || size(geometry, area) > size(e.geometry(), e.areaM2())) {
      largest.put(name, new Extent(name, geometry, frame.step(), frame.time(), area, present));
    } else {
      largest.put(name, new Extent(name, e.geometry(), e.step(), e.time(), e.areaM2(), present));
    }
  }

  /** What "largest" means: area for areas, length for lines (closed roads), count for points. */
  private double size(Geometry g, double area) {
    if (g.isEmpty()) {
      return -1;
    }
    return switch (g.getDimension()) {
      case 2 -> area;
      case 1 -> projection.lengthM(g);
      default -> g.getNumPoints();
    };
  }

  private static String feature(String name, Geometry geometry, Frame frame, double area) {
    return JsonText.compact(g -> {
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeObjectFieldStart("properties");
      g.writeStringField("name", name);
      g.writeNumberField("step", frame.step());
      g.writeStringField("time", frame.time().toString());
      g.writeFieldName("areaM2");
      JsonText.number(g, area);
      g.writeEndObject();
      g.writeFieldName("geometry");
      GeoJson.geometry(g, geometry);
      g.writeEndObject();
    });
  }

  @Override
  public void finished(RunResult result) {
    write(all, RunOutputs.FOOTPRINTS, (first ? "" : "\n") + "]}\n");
    try {
      all.close();
    } catch (IOException e) {
      throw dir.failure(RunOutputs.FOOTPRINTS, e);
    }
  }

  @Override
  public void aborted(Throwable cause) {
    Closing.quietly(all);
  }

  /** Per footprint name, in order of first appearance, its largest extent. */
  List<Extent> largest() {
    return List.copyOf(largest.values());
  }

  private void write(Writer w, String file, String text) {
    try {
      w.write(text);
    } catch (IOException e) {
      throw dir.failure(file, e);
    }
  }
}
