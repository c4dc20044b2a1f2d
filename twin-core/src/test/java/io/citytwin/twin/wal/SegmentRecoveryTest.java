package io.citytwin.twin.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever bytes follow the whole frames of a segment, recovery keeps those frames and sets the rest aside. */
class SegmentRecoveryTest {

    @Property(tries = 200, seed = "20261124")
    void garbageAfterWholeFramesNeverCostsAFrame(@ForAll @Size(max = 8) List<@Size(max = 40) String> frames,
            @ForAll @Size(min = 1, max = 200) byte[] garbage) throws IOException {
        Path dir = Files.createTempDirectory("segment-recovery");
        try {
            Path segment;
            try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
                for (String f : frames) {
                    SegmentLogTest.append(log, f, 1);
                }
                // At least one frame, so the segment survives the close.
                SegmentLogTest.append(log, "last", 2);
                segment = log.active().file();
            }
            long valid = Files.size(segment);
            Files.write(segment, garbage, StandardOpenOption.APPEND);

            try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
                List<String> read = SegmentLogTest.readAll(log);
                // Random bytes that happen to form a checksummed frame are read as one: allowed, once in 2^32.
                assertThat(read.subList(0, frames.size() + 1))
                        .containsExactlyElementsOf(Stream.concat(frames.stream().map(f -> f + " x1"),
                                Stream.of("last x2")).toList());
                if (read.size() == frames.size() + 1) {
                    assertThat(log.recovery().damaged()).singleElement()
                            .satisfies(d -> assertThat(d.offset()).isEqualTo(valid));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
