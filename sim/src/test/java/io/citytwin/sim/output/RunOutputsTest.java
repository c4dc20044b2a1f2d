package io.citytwin.sim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.run.ScenarioRun;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.testing.TestRuns;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** What each output file holds, read back with a JSON parser, a CSV split and ImageIO. */
class RunOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  static Path out;
  static RunResult result;
  static final List<Frame> frames = new ArrayList<>();

  @BeforeAll
  static void runTheFixtureOnce() {
    out = shared.resolve("run");
    result = TestRuns.runInto(TestRuns.cloud(s -> s), out, frames::add);
  }

  @Test
  void metricsCsvHasUnitsInItsHeaderAndOneRowPerStepWithTheSeriesValues() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(lines.get(0)).isEqualTo("step,time,cloudAreaM2 [m2],buildingsCovered [buildings],"
        + "peopleExposed [persons],peopleWarned [persons],coreConcentration [mg/m3]");
    assertThat(lines).hasSize(1 + result.stepsRun());
    for (int i = 0; i < result.stepsRun(); i++) {
      String[] cells = lines.get(i + 1).split(",", -1);
      assertThat(cells[0]).isEqualTo(Integer.toString(i + 1));
      assertThat(Instant.parse(cells[1])).isEqualTo(result.series().time(i));
      List<Metric> metrics = result.series().metrics();
      for (int m = 0; m < metrics.size(); m++) {
        double v = result.series().value(metrics.get(m).name(), i);
        if (Double.isNaN(v)) {
          assertThat(cells[2 + m]).as("NaN is an empty cell").isEmpty();
        } else {
          assertThat(Double.parseDouble(cells[2 + m])).isCloseTo(v, offset(Math.abs(v) * 1e-8));
        }
      }
    }
    assertThat(lines.get(lines.size() - 1)).endsWith(",");
  }

  @Test
  void everyStepHasAFeatureCollectionWithTheModelsFootprints() throws IOException {
    for (Frame f : frames) {
      JsonNode fc = JSON.readTree(out.resolve(String.format("footprints/step-%05d.geojson", f.step())).toFile());
      assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(fc.get("features")).hasSize(2);
      JsonNode cloud = fc.get("features").get(0);
      assertThat(cloud.get("properties").get("name").asText()).isEqualTo("cloud");
      assertThat(cloud.get("properties").get("step").asInt()).isEqualTo(f.step());
      assertThat(cloud.get("properties").get("time").asText()).isEqualTo(f.time().toString());
      Polygon model = (Polygon) f.footprints().get("cloud");
      double modelArea = TestRuns.monaco().source().projection().areaM2(model);
      assertThat(cloud.get("properties").get("areaM2").asDouble()).isCloseTo(modelArea, offset(modelArea * 1e-8));
      Coordinate[] ring = ring(cloud.get("geometry").get("coordinates").get(0));
      assertThat(Orientation.isCCW(ring)).as("RFC 7946 exterior ring").isTrue();
      assertThat(ring).hasSize(model.getExteriorRing().getNumPoints());
      for (Coordinate c : ring) {
        assertThat(model.getExteriorRing().getCoordinates()).anySatisfy(m -> assertThat(m.distance(c)).isLessThan(1e-7));
      }
      JsonNode core = fc.get("features").get(1);
      assertThat(core.get("properties").get("name").asText()).isEqualTo("core");
      assertThat(core.get("geometry").isNull()).isEqualTo(f.footprints().get("core").isEmpty());
    }
    assertThat(frames).anySatisfy(f -> assertThat(f.footprints().get("core").isEmpty()).isTrue());
  }

  @Test
  void theCombinedFileHoldsEveryFeatureOfEveryStepOnePerLine() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("footprints.geojson"));
    assertThat(lines).hasSize(2 + 2 * frames.size());
    JsonNode all = JSON.readTree(out.resolve("footprints.geojson").toFile());
    assertThat(all.get("features")).hasSize(2 * frames.size());
    JsonNode last = all.get("features").get(2 * frames.size() - 1);
    assertThat(last.get("properties").get("step").asInt()).isEqualTo(frames.size());
    assertThat(last.get("properties").get("name").asText()).isEqualTo("core");
  }

  @Test
  void theSummaryHoldsTheScenarioAsGivenTheAttributionAndTheResults() throws IOException {
    JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
    JsonNode file = JSON.readTree(TestRuns.cloudJson());
    assertThat(s.get("format").asText()).isEqualTo("citytwin-simulation/1");
    JsonNode sc = s.get("scenario");
    assertThat(sc.get("id").asText()).isEqualTo("test-drifting-cloud");
    assertThat(sc.get("type").asText()).isEqualTo("chemical_release");
    assertThat(sc.get("mode").asText()).isEqualTo("forecast");
    assertThat(sc.get("seed").asLong()).isEqualTo(file.get("seed").asLong());
    assertThat(sc.get("start").asText()).isEqualTo(file.get("start").asText());
    assertThat(Duration.parse(sc.get("duration").asText())).isEqualTo(Duration.parse(file.get("duration").asText()));
    assertThat(sc.get("steps").asInt()).isEqualTo(13);
    assertThat(sc.get("parameters")).isEqualTo(file.get("parameters"));
    assertThat(sc.get("interventions").get(0).get("at").asText()).isEqualTo("PT20M");
    assertThat(sc.get("interventions").get(1).get("whenMetric").asText()).isEqualTo("peopleExposed");
    assertThat(sc.get("site").get("lat").asDouble()).isEqualTo(43.7396);
    assertThat(s.get("city").get("name").asText()).isEqualTo("Monaco");
    assertThat(s.get("city").get("attribution").asText()).contains("OpenStreetMap").contains("ODbL");
    assertThat(s.get("run").get("outcome").asText()).isEqualTo("completed");
    assertThat(s.get("run").get("stepsRun").asInt()).isEqualTo(13);
    JsonNode exposed = s.get("metrics").get(2);
    assertThat(exposed.get("name").asText()).isEqualTo("peopleExposed");
    assertThat(exposed.get("unit").asText()).isEqualTo("persons");
    double[] series = result.series().values("peopleExposed");
    assertThat(exposed.get("final").asDouble()).isEqualTo(series[series.length - 1]);
    assertThat(exposed.get("max").asDouble()).isEqualTo(java.util.Arrays.stream(series).max().orElseThrow());
    assertThat(s.get("metrics").get(4).get("final").isNull()).as("NaN at the end").isTrue();
    assertThat(s.get("footprints").get(1).get("name").asText()).isEqualTo("core");
    assertThat(s.get("footprints").get(1).get("stepsPresent").asInt())
        .isEqualTo((int) frames.stream().filter(f -> !f.footprints().get("core").isEmpty()).count());
    List<String> keys = new ArrayList<>();
    s.get("result").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted().contains("peakExposed", "finalRadiusM");
    assertThat(s.get("notes").asInt()).isEqualTo(Files.readAllLines(out.resolve("notes.txt")).size() - 1);
  }

  @Test
  void notesAreOneLinePerNoteWithStepAndTime() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("notes.txt"));
    assertThat(lines.get(0)).isEqualTo("step\ttime\tnote");
    List<String> expected = new ArrayList<>();
    for (Frame f : frames) {
      f.notes().forEach(n -> expected.add(f.step() + "\t" + f.time() + "\t" + n.replace('\t', ' ')));
    }
    assertThat(lines.subList(1, lines.size())).isEqualTo(expected).anyMatch(l -> l.contains("the core dissipated at"));
  }

  @Test
  void chartsAreOnePngPerUnitAndAFootprintMap() throws IOException {
    assertThat(Files.list(out.resolve("charts")).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("footprints.png", "metrics-buildings.png", "metrics-m2.png", "metrics-mg-m3.png",
            "metrics-persons.png");
    BufferedImage persons = ImageIO.read(out.resolve("charts/metrics-persons.png").toFile());
    assertThat(persons.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(persons.getHeight()).isEqualTo(Charts.HEIGHT);
    BufferedImage map = ImageIO.read(out.resolve("charts/footprints.png").toFile());
    assertThat(map.getHeight()).as("Monaco is taller than wide").isGreaterThan(map.getWidth());
  }

  @Test
  void aNonEmptyDirectoryIsRefusedUnlessOverwritingWhichRemovesOnlyTheLayout(@TempDir Path dir) throws IOException {
    Path mine = Files.writeString(dir.resolve("README.txt"), "my notes");
    assertThatThrownBy(() -> RunOutputs.open(dir, TestRuns.monaco(), RunOutputs.Options.DEFAULT))
        .isInstanceOf(OutputException.class).hasMessageContaining(dir + " is not empty");
    Files.createDirectories(dir.resolve("footprints"));
    Path stale = Files.writeString(dir.resolve("footprints/step-00099.geojson"), "{}");
    RunOutputs.open(dir, TestRuns.monaco(), new RunOutputs.Options(true, false));
    assertThat(stale).doesNotExist();
    assertThat(mine).hasContent("my notes");
  }

  @Test
  void aFileInPlaceOfTheDirectoryIsRefused(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("out"), "x");
    assertThatThrownBy(() -> RunOutputs.open(file, TestRuns.monaco(), RunOutputs.Options.DEFAULT))
        .isInstanceOf(OutputException.class).hasMessageContaining("is not a directory");
  }

  @Test
  void aRunWithoutFootprintsWritesAnEmptyCollectionAndNoMap(@TempDir Path dir) throws IOException {
    Scenario scenario = TestRuns.cloud(s -> s);
    SimulationModel flat = new SimulationModel() {
      @Override
      public List<Metric> metrics() {
        return List.of(new Metric("level", "m", "water level"));
      }

      @Override
      public Frame step(int step, Instant time, Duration dt) {
        return new Frame(step, time.plus(dt), Map.of("level", step * 0.1), Map.of(), List.of());
      }

      @Override
      public Map<String, Object> summary() {
        return Map.of();
      }
    };
    RunOutputs outputs = RunOutputs.open(dir, TestRuns.monaco(), RunOutputs.Options.DEFAULT);
    new ScenarioRun(scenario, flat, List.<RunListener>of(outputs)).run();
    assertThat(outputs.files()).containsExactly("charts/metrics-m.png", "footprints.geojson", "metrics.csv",
        "notes.txt", "summary.json");
    assertThat(dir.resolve("footprints.geojson")).hasContent("{\"type\":\"FeatureCollection\",\"features\":[]}");
    assertThat(JSON.readTree(dir.resolve("summary.json").toFile()).get("footprints")).isEmpty();
  }

  @Test
  void lineFootprintsAreMeasuredByLengthForTheirLargestExtent(@TempDir Path dir) throws IOException {
    // Closed roads: none at first, then one segment, then two, then one again.
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    List<org.locationtech.jts.geom.Geometry> roads = List.of(gf.createLineString(),
        gf.createLineString(new Coordinate[] {new Coordinate(7.420, 43.730), new Coordinate(7.421, 43.731)}),
        gf.createMultiLineString(new org.locationtech.jts.geom.LineString[] {
            gf.createLineString(new Coordinate[] {new Coordinate(7.420, 43.730), new Coordinate(7.421, 43.731)}),
            gf.createLineString(new Coordinate[] {new Coordinate(7.422, 43.732), new Coordinate(7.424, 43.733)})}),
        gf.createLineString(new Coordinate[] {new Coordinate(7.420, 43.730), new Coordinate(7.421, 43.731)}));
    SimulationModel closures = new SimulationModel() {
      @Override
      public List<Metric> metrics() {
        return List.of();
      }

      @Override
      public Frame step(int step, Instant time, Duration dt) {
        return new Frame(step, time.plus(dt), Map.of(), Map.of("closedRoads", roads.get((step - 1) % 4)), List.of());
      }

      @Override
      public Map<String, Object> summary() {
        return Map.of();
      }
    };
    RunOutputs outputs = RunOutputs.open(dir, TestRuns.monaco(), RunOutputs.Options.DEFAULT);
    new ScenarioRun(TestRuns.cloud(s -> s.replace("PT62M", "PT20M")), closures, List.<RunListener>of(outputs)).run();
    JsonNode closed = JSON.readTree(dir.resolve("summary.json").toFile()).get("footprints").get(0);
    assertThat(closed.get("name").asText()).isEqualTo("closedRoads");
    assertThat(closed.get("maxStep").asInt()).isEqualTo(3);
    assertThat(closed.get("stepsPresent").asInt()).isEqualTo(3);
    assertThat(dir.resolve("charts/footprints.png")).exists();
  }

  @Test
  void anEarlyFinishIsTheOutcomeInTheSummary(@TempDir Path dir) throws IOException {
    RunResult r = TestRuns.runInto(TestRuns.cloud(s -> s.replace("\"maxRadiusM\": 600", "\"maxRadiusM\": 150")), dir);
    JsonNode run = JSON.readTree(dir.resolve("summary.json").toFile()).get("run");
    assertThat(run.get("outcome").asText()).isEqualTo("finished_early");
    assertThat(run.get("stepsRun").asInt()).isEqualTo(r.stepsRun()).isLessThan(13);
    assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(1 + r.stepsRun());
  }

  private static Coordinate[] ring(JsonNode coordinates) {
    Coordinate[] c = new Coordinate[coordinates.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Coordinate(coordinates.get(i).get(0).asDouble(), coordinates.get(i).get(1).asDouble());
    }
    return c;
  }
}
