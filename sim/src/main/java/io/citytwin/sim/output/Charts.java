package io.citytwin.sim.output;

import io.citytwin.sim.run.RunResult;
import io.citytwin.twin.cim.CitySnapshot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;

/**
 * {@code charts/*.png}, drawn with JFreeChart into memory images (no display needed):
 *
 * <ul>
 *   <li>{@code metrics-<unit>.png}: one line chart per unit, every metric of that unit over
 *       simulated time (e.g. the epidemic curves in persons, evacuation progress);
 *   <li>{@code footprints.png}: a map of the city outline and buildings with the largest extent
 *       of each footprint and the scenario's site (e.g. the plume footprint); only when the run
 *       had a non-empty footprint.
 * </ul>
 *
 * <p>Images are a pure function of the run on a given machine: fixed sizes, no time stamps, PNG
 * written without metadata, number labels in {@link Locale#ROOT}. Their pixels depend on the fonts
 * the JVM finds, so they are byte-identical between runs on one installation, not across
 * machines.
 */
final class Charts {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;

  static {
    // Only memory images are drawn; never try to reach a display, even when DISPLAY is set.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /** Draws every chart of the run; returns the files written. */
  static List<String> write(OutputDirectory dir, CitySnapshot city, RunResult result,
      List<FootprintFiles.Extent> footprints) {
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, JFreeChart> e : MetricCharts.byUnit(result).entrySet()) {
      String file = RunOutputs.CHARTS + "/metrics-" + slug(e.getKey(), files) + ".png";
      png(dir, file, e.getValue().createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null));
      files.add(file);
    }
    if (footprints.stream().anyMatch(f -> !f.geometry().isEmpty())) {
      FootprintMap map = FootprintMap.of(city, result.scenario(), footprints);
      String file = RunOutputs.CHARTS + "/footprints.png";
      png(dir, file, map.chart().createBufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_RGB, null));
      files.add(file);
    }
    return files;
  }

  /** A file-name-safe form of a unit ({@code mg/m3} becomes {@code mg-m3}), unique among {@code taken}. */
  static String slug(String unit, List<String> taken) {
    String base = unit == null || unit.isBlank() ? "none"
        : unit.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    base = base.isEmpty() ? "unit" : base;
    String candidate = base;
    for (int i = 2; taken.contains(RunOutputs.CHARTS + "/metrics-" + candidate + ".png"); i++) {
      candidate = base + "-" + i;
    }
    return candidate;
  }

  private static void png(OutputDirectory dir, String file, BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    // An explicit memory-cached stream: ImageIO.write would use a temp-file cache (global setting).
    try (OutputStream out = dir.stream(file); MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(image);
    } catch (IOException e) {
      throw dir.failure(file, e);
    } finally {
      writer.dispose();
    }
  }
}
