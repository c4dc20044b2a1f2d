package io.citytwin.twin.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentLogTest {

    @TempDir
    Path dir;

    @Test
    void framesAreReadBackInOrderAcrossSegments() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096)) {
            for (int i = 0; i < 600; i++) {
                append(log, "frame " + i, i % 3 + 1);
            }
            assertThat(log.segments()).hasSizeGreaterThan(1);
            assertThat(readAll(log)).containsExactlyElementsOf(expected(600));
            assertThat(log.segments().stream().mapToLong(Segment::records).sum())
                    .isEqualTo(sumOfRecords(600));
        }
    }

    @Test
    void aReopenedLogHandsBackEverySealedFrameAndStartsAFreshSegment() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096)) {
            for (int i = 0; i < 50; i++) {
                append(log, "frame " + i, i % 3 + 1);
            }
        }
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096)) {
            LogRecovery recovery = log.recovery();
            assertThat(recovery.damaged()).isEmpty();
            assertThat(recovery.records()).isEqualTo(sumOfRecords(50));
            assertThat(recovery.segments()).allMatch(Segment::isSealed);
            assertThat(log.active().isEmpty()).isTrue();
            assertThat(log.active().id()).isGreaterThan(recovery.segments().get(recovery.segments().size() - 1).id());
            assertThat(readAll(log)).containsExactlyElementsOf(expected(50));
        }
    }

    @Test
    void aFrameCutShortByACrashIsSetAsideAndTheWholeFramesKept() throws IOException {
        Path segment;
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
            for (int i = 0; i < 10; i++) {
                append(log, "frame " + i, i % 3 + 1);
            }
            segment = log.active().file();
        }
        long validLength = Files.size(segment);
        ByteBuffer torn = SegmentLog.frame("the write that never finished".getBytes(StandardCharsets.UTF_8), 1);
        byte[] partial = new byte[torn.remaining() - 5];
        torn.get(partial);
        Files.write(segment, partial, StandardOpenOption.APPEND);

        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
            assertThat(readAll(log)).containsExactlyElementsOf(expected(10));
            assertThat(log.recovery().damaged()).singleElement().satisfies(d -> {
                assertThat(d.offset()).isEqualTo(validLength);
                assertThat(d.bytes()).isEqualTo(partial.length);
                assertThat(d.problem()).contains("cut off");
                assertThat(Files.readAllBytes(d.keptAs())).isEqualTo(partial);
            });
            assertThat(Files.size(segment)).isEqualTo(validLength);
        }
    }

    @Test
    void aDamagedFrameEndsTheValidPrefixAndEverythingAfterItIsKept() throws IOException {
        Path segment;
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
            for (int i = 0; i < 10; i++) {
                append(log, "frame " + i, i % 3 + 1);
            }
            segment = log.active().file();
        }
        byte[] bytes = Files.readAllBytes(segment);
        int frameSize = Frame.HEADER_BYTES + "frame 0".length();
        int fifth = SegmentLog.HEADER_BYTES + 4 * frameSize;
        bytes[fifth + Frame.HEADER_BYTES + 2] ^= 0x20; // one flipped bit in frame 4's payload
        Files.write(segment, bytes);

        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
            assertThat(readAll(log)).containsExactlyElementsOf(expected(4));
            LogRecovery.Damage damage = log.recovery().damaged().get(0);
            assertThat(damage.problem()).contains("checksum");
            assertThat(damage.offset()).isEqualTo(fifth);
            assertThat(Files.size(damage.keptAs())).isEqualTo(bytes.length - fifth);
        }
    }

    @Test
    void aDirectoryOfAnotherFormatIsRefusedByName() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.HISTORY_POINTS, 4096)) {
            append(log, "points", 1);
        }
        assertThatThrownBy(() -> SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("00000000000000000001.wal")
                .hasMessageContaining("HISTORY_POINTS")
                .hasMessageContaining("LINE_PROTOCOL");
    }

    @Test
    void aForeignFileNamedLikeASegmentIsRefusedNotDeleted() throws IOException {
        Path foreign = dir.resolve("00000000000000000007.wal");
        Files.writeString(foreign, "this is somebody else's file, long enough for a header");
        assertThatThrownBy(() -> SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("not a CityTwin log segment");
        assertThat(foreign).exists();
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096)) {
            assertThatThrownBy(() -> SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096))
                    .hasMessageContaining("in use by another history store");
        }
        SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096).close();
    }

    @Test
    void anEmptyActiveSegmentLeavesNoFileBehind() throws IOException {
        SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 4096).close();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("LOCK");
        }
    }

    @Test
    void rollSealsTheActiveSegmentAndDeletingItRemovesItsFile() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 1 << 20)) {
            append(log, "a", 1);
            Segment first = log.active();
            Segment next = log.roll();
            assertThat(first.isSealed()).isTrue();
            assertThat(next.id()).isEqualTo(first.id() + 1);
            assertThat(log.roll()).isSameAs(next); // nothing to seal
            assertThatThrownBy(() -> log.delete(next)).isInstanceOf(IllegalStateException.class);
            log.delete(first);
            assertThat(first.file()).doesNotExist();
            assertThat(log.segments()).containsExactly(next);
        }
    }

    static void append(SegmentLog log, String payload, int records) throws IOException {
        log.append(new ByteBuffer[] {SegmentLog.frame(payload.getBytes(StandardCharsets.UTF_8), records)}, records);
    }

    static List<String> readAll(SegmentLog log) throws IOException {
        List<String> frames = new ArrayList<>();
        for (Segment s : log.segments()) {
            try (FrameReader reader = log.reader(s)) {
                for (Frame f = reader.next(); f != null; f = reader.next()) {
                    frames.add(new String(f.payload(), StandardCharsets.UTF_8) + " x" + f.records());
                }
            }
        }
        return frames;
    }

    private static List<String> expected(int n) {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add("frame " + i + " x" + (i % 3 + 1));
        }
        return frames;
    }

    private static long sumOfRecords(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i % 3 + 1;
        }
        return sum;
    }
}
