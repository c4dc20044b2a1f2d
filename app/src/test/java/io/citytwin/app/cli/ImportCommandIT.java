package io.citytwin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code citytwin import} as a user runs it, on real extracts and on broken files. */
class ImportCommandIT {
  /** A second real extract (Liechtenstein, ODbL), shipped with geo-data's tests. */
  private static final Path LIECHTENSTEIN =
      Path.of("..", "geo-data", "src", "test", "resources", "extra-osm", "liechtenstein-2013-08-03.osm.pbf");

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int run(String... args) {
    return CityTwinCommand.commandLine().execute(args);
  }

  private Path monacoPbf() throws Exception {
    Path p = dir.resolve("monaco.osm.pbf");
    try (InputStream in = getClass().getResourceAsStream("/cities/monaco/monaco-2026-03-10.osm.pbf")) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void summarisesMonacoClippedToItsCommuneBoundary() throws Exception {
    int code = run("import", monacoPbf().toString(), "--boundary-relation", "2220322");
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text)
        .contains("City: Monaco")
        .contains("configured boundary relation")
        .containsPattern("assembly_point\\s+2\n  clinic")
        .containsPattern("buildings\\s+1,245")
        .containsPattern("hospital\\s+6")
        .containsPattern("fire_station\\s+2")
        .contains("EPSG:32632");
  }

  @Test
  void summarisesAnotherCountrysExtractWithoutAnySpec() {
    assertThat(LIECHTENSTEIN).exists();
    int code = run("import", LIECHTENSTEIN.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text)
        .contains("admin_level=8")
        .contains("EPSG:32632")
        .containsPattern("Extent: 9\\.[0-9]+,47\\.[0-9]+ to 9\\.[0-9]+,47\\.[0-9]+")
        .containsPattern("road edges\\s+[1-9][0-9,]*")
        .containsPattern("buildings\\s+[1-9][0-9,]*");
  }

  @Test
  void aTruncatedPbfFailsWithTheFileNameAndNoStackTrace() throws Exception {
    byte[] all = Files.readAllBytes(monacoPbf());
    Path cut = dir.resolve("cut.osm.pbf");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    int code = run("import", cut.toString());
    String msg = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(msg).startsWith("import failed: cut.osm.pbf: ").doesNotContain("\tat ");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aFileThatIsNotGisInputIsNamed() throws Exception {
    Path txt = dir.resolve("notes.txt");
    Files.writeString(txt, "hello");
    assertThat(run("import", txt.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("notes.txt").contains("unknown file type");
  }

  @Test
  void aMissingArgumentIsAUsageError() {
    assertThat(run("import")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter");
  }
}
