package io.citytwin.geo.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmFilesTest {

  @Test
  void readsXmlWithUnsortedNodesTagsWaysAndRelations() {
    OsmData d = OsmFiles.read(Fixtures.path("osm/testville.osm"));

    assertThat(d.source()).isEqualTo("testville.osm");
    assertThat(d.nodeCount()).isEqualTo(31);
    assertThat(d.ways()).hasSize(11);
    assertThat(d.relations()).hasSize(3);
    assertThat(d.taggedNodes()).extracting(OsmNode::id).containsExactly(30L, 31L);
    assertThat(d.lonLat(2)).containsExactly(7.010, 45.000);
    assertThat(d.lonLat(999)).isNull();
    assertThat(d.dataBounds().getMinX()).isEqualTo(7.0);
    assertThat(d.dataBounds().getMaxX()).isEqualTo(7.03);
    OsmWay oneWay = d.ways().stream().filter(w -> w.id() == 201).findFirst().orElseThrow();
    assertThat(oneWay.nodeRefs()).containsExactly(11, 13);
    assertThat(oneWay.tags()).containsEntry("oneway", "yes").containsEntry("lanes", "2");
    OsmRelation town = d.relations().get(0);
    assertThat(town.members()).containsExactly(new OsmRelation.Member("way", 100, "outer"));
    assertThat(town.tags()).containsEntry("name", "Testville");
  }

  @Test
  void readsGzippedXmlTheSameAsPlain(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("testville.osm.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Fixtures.bytes("osm/testville.osm"));
    }
    OsmData d = OsmFiles.read(gz);
    assertThat(d.nodeCount()).isEqualTo(31);
    assertThat(d.ways()).hasSize(11);
    assertThat(d.lonLat(13)).containsExactly(7.005, 45.008);
  }

  @Test
  void truncatedGzipIsRejected(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(buf)) {
      out.write(Fixtures.bytes("osm/testville.osm"));
    }
    byte[] cut = Arrays.copyOf(buf.toByteArray(), buf.size() / 2);
    Path gz = dir.resolve("cut.osm.gz");
    Files.write(gz, cut);
    assertThatThrownBy(() -> OsmFiles.read(gz))
        .isInstanceOf(GisInputException.class)
        .hasMessageStartingWith("cut.osm.gz: ");
  }

  @Test
  void malformedXmlNamesLineAndColumn() {
    String xml = "<osm version=\"0.6\">\n  <node id=\"1\" lat=\"1\" lon=\"2\">\n  </way>\n</osm>\n";
    assertThatThrownBy(() -> read(xml, "broken.osm"))
        .isInstanceOf(GisInputException.class)
        .hasMessageStartingWith("broken.osm: malformed XML at line 3");
  }

  @Test
  void truncatedXmlIsRejectedNotHalfLoaded() {
    String xml = Fixtures.text("osm/testville.osm");
    String cut = xml.substring(0, xml.indexOf("<way id=\"300\">") + 20);
    assertThatThrownBy(() -> read(cut, "cut.osm"))
        .isInstanceOf(GisInputException.class)
        .hasMessageContaining("cut.osm: malformed XML");
  }

  @Test
  void badNumberAndMissingAttributeAreNamed() {
    assertThatThrownBy(() -> read("<osm>\n<node id=\"1\" lat=\"north\" lon=\"2\"/></osm>", "n.osm"))
        .hasMessage("n.osm: attribute lat=\"north\" at line 2, column 35 is not a number");
    assertThatThrownBy(() -> read("<osm><node id=\"1\" lat=\"1\"/></osm>", "m.osm"))
        .hasMessageStartingWith("m.osm: <node> at line 1")
        .hasMessageEndingWith("lacks attribute 'lon'");
    assertThatThrownBy(() -> read("<osm><node id=\"1\" lat=\"91\" lon=\"2\"/></osm>", "r.osm"))
        .hasMessage("r.osm: node 1 has coordinates out of range: lon=2.0 lat=91.0");
  }

  @Test
  void wrongRootElementIsNotOsm() {
    assertThatThrownBy(() -> read("<gpx><trk/></gpx>", "track.osm"))
        .hasMessage("track.osm: not an OSM XML file: root element is <gpx>, expected <osm>");
  }

  @Test
  void externalEntitiesAreNotResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<osm><node id=\"1\" lat=\"1\" lon=\"1\"><tag k=\"name\" v=\"&xxe;\"/></node></osm>";
    try {
      OsmData d = read(xml, "xxe.osm");
      assertThat(d.taggedNodes().get(0).tags().get("name")).doesNotContain("TOP-SECRET");
    } catch (GisInputException e) {
      assertThat(e.getMessage()).startsWith("xxe.osm: ").doesNotContain("TOP-SECRET");
    }
  }

  @Test
  void duplicateNodeIdsAreRejected() {
    assertThatThrownBy(() -> read("<osm><node id=\"7\" lat=\"1\" lon=\"1\"/><node id=\"7\" lat=\"2\" lon=\"2\"/></osm>", "d.osm"))
        .hasMessage("d.osm: node 7 appears twice");
  }

  @Test
  void emptyAndMissingFilesAreNamed(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.osm.pbf"));
    assertThatThrownBy(() -> OsmFiles.read(empty)).hasMessage("empty.osm.pbf: empty file");
    assertThatThrownBy(() -> OsmFiles.read(dir.resolve("nope.osm")))
        .hasMessageStartingWith("nope.osm: file not found");
  }

  @net.jqwik.api.Property(tries = 200, seed = "5")
  void cutOrGarbledXmlFailsWithTheFileNameNeverACrash(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 5000) int cut,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 5000) int at,
      @net.jqwik.api.ForAll char replacement) {
    String xml = Fixtures.text("osm/testville.osm");
    StringBuilder garbled = new StringBuilder(xml.substring(0, Math.min(cut, xml.length())));
    if (at < garbled.length()) {
      garbled.setCharAt(at, replacement);
    }
    try {
      OsmData d = read(garbled.toString(), "g.osm");
      assertThat(d.nodeCount()).isPositive();
    } catch (GisInputException e) {
      assertThat(e.getMessage()).startsWith("g.osm: ");
    }
  }

  private static OsmData read(String xml, String name) {
    return OsmFiles.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), name);
  }
}
