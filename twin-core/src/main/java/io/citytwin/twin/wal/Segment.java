package io.citytwin.twin.wal;

import java.nio.file.Path;

/**
 * One numbered file of a {@link SegmentLog}. Only the log's writer thread changes it; readers on
 * other threads see whole frames only, because {@link #committedBytes} moves after a frame is
 * written and {@link #isSealed} is set after the last one.
 */
public final class Segment {

    private final long id;
    private final Path file;
    private volatile long committedBytes;
    private volatile long records;
    private volatile boolean sealed;

    Segment(long id, Path file, long committedBytes, long records, boolean sealed) {
        this.id = id;
        this.file = file;
        this.committedBytes = committedBytes;
        this.records = records;
        this.sealed = sealed;
    }

    /** Position in the log: larger ids were written later. */
    public long id() {
        return id;
    }

    public Path file() {
        return file;
    }

    /** Length of the valid prefix of the file: header and whole frames. */
    public long committedBytes() {
        return committedBytes;
    }

    /** Bytes of the committed frames, without the segment header. */
    public long frameBytes() {
        return committedBytes - SegmentLog.HEADER_BYTES;
    }

    /** Records in the committed frames. */
    public long records() {
        return records;
    }

    /** Whether the segment is complete: no frame will be added to it any more. */
    public boolean isSealed() {
        return sealed;
    }

    /** Whether it holds no frame at all. */
    public boolean isEmpty() {
        return committedBytes <= SegmentLog.HEADER_BYTES;
    }

    void committed(long bytes, long addedRecords) {
        // Records first: a reader that sees the new length must never see an older count.
        records += addedRecords;
        committedBytes = bytes;
    }

    void seal() {
        sealed = true;
    }

    @Override
    public String toString() {
        return file.getFileName() + " (" + committedBytes + " bytes, " + records + " records"
                + (sealed ? ", sealed)" : ")");
    }
}
