package io.citytwin.sim.output;

import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A map of the largest extent of every footprint over the city's outline and buildings, in
 * longitude/latitude with the latitude axis scaled so that distances look right at the city's
 * latitude.
 */
final class FootprintMap {
  private static final int PLOT_WIDTH = 860;
  /** Room for the title, the axes and the legend around the map itself. */
  private static final int FRAME_W = 100;
  private static final int FRAME_H = 170;

  private final JFreeChart chart;
  private final int width;
  private final int height;

  private FootprintMap(JFreeChart chart, int width, int height) {
    this.chart = chart;
    this.width = width;
    this.height = height;
  }

  JFreeChart chart() {
    return chart;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  static FootprintMap of(CitySnapshot city, Scenario scenario, List<FootprintFiles.Extent> footprints) {
    Envelope env = new Envelope(city.source().boundary().getEnvelopeInternal());
    footprints.forEach(f -> env.expandToInclude(f.geometry().getEnvelopeInternal()));
    env.expandToInclude(scenario.site().point().getCoordinate());
    env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.04);
    double cosLat = Math.cos(Math.toRadians(env.centre().y));
    double aspect = env.getHeight() / (env.getWidth() * cosLat);
    int plotHeight = (int) Math.round(Math.min(1200, Math.max(240, PLOT_WIDTH * aspect)));

    XYPlot plot = new XYPlot();
    plot.setRenderer(new XYLineAndShapeRenderer(false, false));
    plot.setBackgroundPaint(new Color(0xF4F4F0));
    plot.setDomainAxis(axis("longitude", env.getMinX(), env.getMaxX()));
    plot.setRangeAxis(axis("latitude", env.getMinY(), env.getMaxY()));
    for (CityEntity b : city.entities(EntityType.BUILDING)) {
      plot.addAnnotation(new XYShapeAnnotation(shape(b.geometry()), null, null, new Color(0xC8C8C8)));
    }
    plot.addAnnotation(new XYShapeAnnotation(outline(city.source().boundary()), new BasicStroke(1.5f),
        new Color(0x404040), null));
    LegendItemCollection legend = new LegendItemCollection();
    for (int i = 0; i < footprints.size(); i++) {
      FootprintFiles.Extent f = footprints.get(i);
      if (f.geometry().isEmpty()) {
        continue;
      }
      plot.addAnnotation(new XYShapeAnnotation(shape(f.geometry()), new BasicStroke(1.5f), Palette.color(i),
          Palette.translucent(i, 110)));
      legend.add(new LegendItem(f.name() + " (largest at " + f.time() + ")", Palette.color(i)));
    }
    Point site = scenario.site().point();
    double r = env.getWidth() / 150;
    plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(site.getX() - r, site.getY() - r * cosLat, 2 * r,
        2 * r * cosLat), new BasicStroke(2f), Color.BLACK, Color.WHITE));
    legend.add(new LegendItem("site", Color.BLACK));
    plot.setFixedLegendItems(legend);
    JFreeChart chart = new JFreeChart(scenario.name() + ": largest footprints", JFreeChart.DEFAULT_TITLE_FONT,
        plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return new FootprintMap(chart, PLOT_WIDTH + FRAME_W, plotHeight + FRAME_H);
  }

  private static NumberAxis axis(String label, double min, double max) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRange(false);
    a.setRange(min, max);
    MetricCharts.rootLocale(a);
    return a;
  }

  /** Polygons as filled areas (holes cut out), lines as paths, points as small squares. */
  static Shape shape(Geometry g) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    add(path, g);
    return path;
  }

  private static Shape outline(Geometry g) {
    return shape(g.getBoundary());
  }

  private static void add(Path2D.Double path, Geometry g) {
    if (g.getNumGeometries() > 1 || g instanceof org.locationtech.jts.geom.GeometryCollection) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        add(path, g.getGeometryN(i));
      }
    } else if (g instanceof Polygon p) {
      ring(path, p.getExteriorRing().getCoordinateSequence(), true);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring(path, p.getInteriorRingN(i).getCoordinateSequence(), true);
      }
    } else if (g instanceof LineString l) {
      ring(path, l.getCoordinateSequence(), false);
    } else if (g instanceof Point p && !p.isEmpty()) {
      Coordinate c = p.getCoordinate();
      path.append(new Rectangle2D.Double(c.x - 1e-5, c.y - 1e-5, 2e-5, 2e-5), false);
    }
  }

  private static void ring(Path2D.Double path, CoordinateSequence seq, boolean close) {
    if (seq.size() == 0) {
      return;
    }
    path.moveTo(seq.getX(0), seq.getY(0));
    for (int i = 1; i < seq.size(); i++) {
      path.lineTo(seq.getX(i), seq.getY(i));
    }
    if (close) {
      path.closePath();
    }
  }
}
