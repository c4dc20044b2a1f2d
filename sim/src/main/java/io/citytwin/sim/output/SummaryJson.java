package io.citytwin.sim.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.MetricSeries;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code summary.json}: what was run, on which data, and what came out. Written once, after the
 * last step. Members, in this order:
 *
 * <ul>
 *   <li>{@code format}: {@value #FORMAT};
 *   <li>{@code scenario}: id, name, type, mode, site ({@code lon}, {@code lat}, {@code entity} or
 *       null), start, duration, step, steps (planned), seed, parameters (as given in the file) and
 *       interventions (as given);
 *   <li>{@code city}: name and {@code attribution} (the data licence, e.g. ODbL for OpenStreetMap
 *       data), which must travel with the outputs;
 *   <li>{@code run}: {@code outcome} ({@code completed}, {@code finished_early}, {@code cancelled}),
 *       {@code stepsRun}, {@code end} (simulated time after the last step);
 *   <li>{@code metrics}: per metric its name, unit, description, {@code final} value, {@code max}
 *       and {@code maxTime} (first time it reached the max); null when it never had a finite value;
 *   <li>{@code footprints}: per footprint name its largest extent: {@code maxAreaM2},
 *       {@code maxStep}, {@code maxTime}, and {@code stepsPresent} (steps it was not empty);
 *   <li>{@code result}: the model's own summary (stable order, see
 *       {@link io.citytwin.sim.run.SummaryValues});
 *   <li>{@code notes}: how many lines {@code notes.txt} holds.
 * </ul>
 */
final class SummaryJson {
  static final String FORMAT = "citytwin-simulation/1";

  private SummaryJson() {}

  static void write(OutputDirectory dir, CitySnapshot city, RunResult result, List<FootprintFiles.Extent> footprints,
      int notes) {
    try (Writer w = dir.writer(RunOutputs.SUMMARY); JsonGenerator g = JsonText.pretty(w)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      scenario(g, result.scenario());
      g.writeObjectFieldStart("city");
      g.writeStringField("name", city.cityName());
      g.writeStringField("attribution", city.attribution());
      g.writeEndObject();
      g.writeObjectFieldStart("run");
      g.writeStringField("outcome", result.outcome().code());
      g.writeNumberField("stepsRun", result.stepsRun());
      g.writeStringField("end", result.end().toString());
      g.writeEndObject();
      metrics(g, result.series());
      footprints(g, footprints);
      g.writeFieldName("result");
      JsonText.value(g, result.summary());
      g.writeNumberField("notes", notes);
      g.writeEndObject();
      g.flush();
      w.write('\n');
    } catch (IOException e) {
      throw dir.failure(RunOutputs.SUMMARY, e);
    }
  }

  private static void scenario(JsonGenerator g, Scenario s) throws IOException {
    g.writeObjectFieldStart("scenario");
    g.writeStringField("id", s.id());
    g.writeStringField("name", s.name());
    g.writeStringField("type", s.type().code());
    g.writeStringField("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
    g.writeObjectFieldStart("site");
    g.writeFieldName("lon");
    g.writeNumber(Numbers.coordinate(s.site().point().getX()));
    g.writeFieldName("lat");
    g.writeNumber(Numbers.coordinate(s.site().point().getY()));
    if (s.site().entity() == null) {
      g.writeNullField("entity");
    } else {
      g.writeStringField("entity", s.site().entity().toString());
    }
    g.writeEndObject();
    g.writeStringField("start", s.start().toString());
    g.writeStringField("duration", s.duration().toString());
    g.writeStringField("step", s.step().toString());
    g.writeNumberField("steps", s.steps());
    g.writeNumberField("seed", s.seed());
    g.writeFieldName("parameters");
    JsonText.value(g, s.parametersNode());
    g.writeArrayFieldStart("interventions");
    for (Scenario.Intervention i : s.interventions()) {
      g.writeStartObject();
      g.writeStringField("action", i.action());
      if (i.at() != null) {
        g.writeStringField("at", i.at().toString());
      } else {
        g.writeStringField("whenMetric", i.whenMetric());
        g.writeFieldName("above");
        JsonText.number(g, i.above());
      }
      g.writeFieldName("parameters");
      JsonText.value(g, i.parameters().node());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void metrics(JsonGenerator g, MetricSeries series) throws IOException {
    g.writeArrayFieldStart("metrics");
    for (Metric m : series.metrics()) {
      double[] v = series.values(m.name());
      int max = -1;
      for (int i = 0; i < v.length; i++) {
        if (Double.isFinite(v[i]) && (max < 0 || v[i] > v[max])) {
          max = i;
        }
      }
      g.writeStartObject();
      g.writeStringField("name", m.name());
      g.writeStringField("unit", m.unit());
      g.writeStringField("description", m.description());
      g.writeFieldName("final");
      JsonText.number(g, v.length == 0 ? Double.NaN : v[v.length - 1]);
      g.writeFieldName("max");
      JsonText.number(g, max < 0 ? Double.NaN : v[max]);
      if (max < 0) {
        g.writeNullField("maxTime");
      } else {
        g.writeStringField("maxTime", series.time(max).toString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void footprints(JsonGenerator g, List<FootprintFiles.Extent> footprints) throws IOException {
    g.writeArrayFieldStart("footprints");
    for (FootprintFiles.Extent e : footprints) {
      g.writeStartObject();
      g.writeStringField("name", e.name());
      g.writeFieldName("maxAreaM2");
      JsonText.number(g, e.areaM2());
      g.writeNumberField("maxStep", e.step());
      g.writeStringField("maxTime", e.time().toString());
      g.writeNumberField("stepsPresent", e.stepsPresent());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
