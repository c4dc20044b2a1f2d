package io.citytwin.sim.output;

import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.MetricSeries;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.scenario.Scenario;
import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts of the metric time series, one per unit, x in minutes, hours or days since the start. */
final class MetricCharts {
  /** Above this many steps a chart shows every k-th step (and the last): pixels cannot show more. */
  private static final int MAX_POINTS = 4000;

  private MetricCharts() {}

  /** Charts keyed by unit, in order of the units' first appearance among the metrics. */
  static Map<String, JFreeChart> byUnit(RunResult result) {
    MetricSeries series = result.series();
    Map<String, List<Metric>> groups = new LinkedHashMap<>();
    for (Metric m : series.metrics()) {
      groups.computeIfAbsent(m.unit() == null ? "" : m.unit(), u -> new ArrayList<>()).add(m);
    }
    TimeScale scale = TimeScale.of(result.scenario().duration());
    Map<String, JFreeChart> charts = new LinkedHashMap<>();
    groups.forEach((unit, metrics) -> charts.put(unit, chart(result.scenario(), unit, metrics, series, scale)));
    return charts;
  }

  private static JFreeChart chart(Scenario scenario, String unit, List<Metric> metrics, MetricSeries series,
      TimeScale scale) {
    XYSeriesCollection data = new XYSeriesCollection();
    int stride = Math.max(1, (series.size() + MAX_POINTS - 1) / MAX_POINTS);
    for (Metric m : metrics) {
      XYSeries s = new XYSeries(m.name(), false, true);
      double[] v = series.values(m.name());
      for (int i = 0; i < v.length; i++) {
        if ((i % stride == 0 || i == v.length - 1) && Double.isFinite(v[i])) {
          s.add(scale.at(Duration.between(scenario.start(), series.time(i))), v[i]);
        }
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(scenario.name() + (unit.isEmpty() ? "" : " (" + unit + ")"),
        scale.label() + " since " + scenario.start(), unit, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < metrics.size(); i++) {
      renderer.setSeriesPaint(i, Palette.color(i));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    rootLocale((NumberAxis) plot.getDomainAxis());
    rootLocale((NumberAxis) plot.getRangeAxis());
    return chart;
  }

  /** Tick labels that do not depend on the machine's locale (decimal point, grouping). */
  static void rootLocale(NumberAxis axis) {
    axis.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabels()));
  }

  /** The x unit: minutes up to 3 hours, hours up to 3 days, days beyond. */
  record TimeScale(String label, double seconds) {
    static TimeScale of(Duration total) {
      if (total.compareTo(Duration.ofHours(3)) <= 0) {
        return new TimeScale("minutes", 60);
      }
      return total.compareTo(Duration.ofDays(3)) <= 0 ? new TimeScale("hours", 3600) : new TimeScale("days", 86400);
    }

    double at(Duration d) {
      return d.toMillis() / 1000.0 / seconds;
    }
  }
}
