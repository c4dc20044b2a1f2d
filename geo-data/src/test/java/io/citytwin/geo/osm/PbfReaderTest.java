package io.citytwin.geo.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the real Monaco extract; counts are those osmium reports (SOURCES.md). */
class PbfReaderTest {
  private static final byte[] MONACO = Fixtures.bytes(Fixtures.MONACO_PBF);
  private static final OsmData WHOLE = read(MONACO);

  @Test
  void readsEveryElementOfTheMonacoExtract() {
    assertThat(WHOLE.nodeCount()).isEqualTo(41_361);
    assertThat(WHOLE.ways()).hasSize(6_180);
    assertThat(WHOLE.relations()).hasSize(346);
    assertThat(WHOLE.ways().stream().filter(w -> w.tags().containsKey("highway"))).hasSize(3_600);
    assertThat(WHOLE.dataBounds().getMinX()).isBetween(7.208, 7.209);
    assertThat(WHOLE.dataBounds().getMaxY()).isBetween(7.759 - 7 + 43, 43.760);
    OsmRelation monaco = WHOLE.relations().stream().filter(r -> r.id() == 2220322).findFirst().orElseThrow();
    assertThat(monaco.tags()).containsEntry("admin_level", "8").containsEntry("population", "39050");
  }

  @Test
  void everyWayNodeHasCoordinates() {
    long missing = WHOLE.ways().stream().flatMapToLong(w -> Arrays.stream(w.nodeRefs()))
        .filter(id -> WHOLE.lonLat(id) == null).count();
    assertThat(missing).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 10, 200, 5_000, 100_000, 336_968, 673_000, 673_935})
  void truncatedFileIsRejectedAtAnyOffset(int length) {
    GisInputException e = catchThrowableOfType(GisInputException.class,
        () -> read(Arrays.copyOf(MONACO, length)));
    assertThat(e).as("cut at %d", length).isNotNull();
    assertThat(e.source()).isEqualTo("monaco.osm.pbf");
    assertThat(e.problem()).startsWith("truncated PBF");
  }

  @Test
  void headerOnlyFileIsTruncated() {
    // The header blob is 4 + header length + blob size bytes; cut right after it.
    int headerLen = ((MONACO[0] & 0xff) << 24) | ((MONACO[1] & 0xff) << 16) | ((MONACO[2] & 0xff) << 8) | (MONACO[3] & 0xff);
    byte[] afterHeader = Arrays.copyOf(MONACO, 4 + headerLen);
    int blobSize = crosbyBlobSize(Arrays.copyOfRange(afterHeader, 4, 4 + headerLen));
    assertThatThrownBy(() -> read(Arrays.copyOf(MONACO, 4 + headerLen + blobSize)))
        .hasMessage("monaco.osm.pbf: truncated PBF: header only, no data blobs");
  }

  @Property(tries = 40, seed = "20261122")
  void flippedByteEitherFailsCleanlyOrChangesNothingStructural(
      @ForAll @IntRange(min = 0, max = 673_935) int offset, @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] copy = MONACO.clone();
    copy[offset] ^= (byte) mask;
    try {
      OsmData d = read(copy);
      // A flip in an unchecked header field (e.g. the bbox) may pass; the data must then be whole.
      assertThat(d.nodeCount()).isEqualTo(WHOLE.nodeCount());
      assertThat(d.ways()).hasSameSizeAs(WHOLE.ways());
      assertThat(d.relations()).hasSameSizeAs(WHOLE.relations());
    } catch (GisInputException e) {
      assertThat(e.getMessage()).startsWith("monaco.osm.pbf: ");
    }
  }

  @Test
  void flipsInsideCompressedDataAreDetected() {
    Random random = new Random(42);
    int detected = 0;
    for (int i = 0; i < 20; i++) {
      byte[] copy = MONACO.clone();
      int at = 1_000 + random.nextInt(MONACO.length - 2_000);
      copy[at] ^= 0x5a;
      try {
        read(copy);
      } catch (GisInputException e) {
        detected++;
      }
    }
    assertThat(detected).isEqualTo(20);
  }

  @Property(tries = 60, seed = "7")
  void randomBytesNeverCrash(@ForAll byte[] garbage) {
    try {
      read(garbage);
    } catch (GisInputException e) {
      assertThat(e.getMessage()).startsWith("monaco.osm.pbf: ");
    }
  }

  private static int crosbyBlobSize(byte[] header) {
    try {
      return crosby.binary.Fileformat.BlobHeader.parseFrom(header).getDatasize();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static OsmData read(byte[] bytes) {
    return OsmFiles.read(new ByteArrayInputStream(bytes), "monaco.osm.pbf");
  }
}
