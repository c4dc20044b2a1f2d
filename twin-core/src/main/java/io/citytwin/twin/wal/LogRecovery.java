package io.citytwin.twin.wal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SegmentLog#open} found left over from earlier runs.
 *
 * @param segments leftover segments holding frames (sealed now, oldest first)
 * @param records records in their valid frames
 * @param damaged invalid tails cut off the segments; their bytes are kept beside the segment
 */
public record LogRecovery(List<Segment> segments, long records, List<Damage> damaged) {

    public LogRecovery {
        segments = List.copyOf(segments);
        damaged = List.copyOf(damaged);
    }

    /**
     * An invalid tail of a segment: after a process crash, a frame whose write was cut short (its
     * append was never acknowledged); otherwise damage to the file.
     *
     * @param segment the segment file, now ending at {@code offset}
     * @param offset where the valid frames end
     * @param bytes how many bytes followed
     * @param keptAs the file the bytes were moved to, for inspection
     * @param problem why they are not a frame
     */
    public record Damage(Path segment, long offset, long bytes, Path keptAs, String problem) {}
}
