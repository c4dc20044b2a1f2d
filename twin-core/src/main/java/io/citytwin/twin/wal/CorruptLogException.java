package io.citytwin.twin.wal;

import java.io.IOException;
import java.nio.file.Path;

/** Bytes in a segment file that are not a valid frame: a torn write after a crash, or damage. */
public final class CorruptLogException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    public CorruptLogException(Path file, long offset, String problem) {
        super(file + " at byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    /** The segment file. */
    public Path file() {
        return file;
    }

    /** Where the first invalid byte is; everything before it is valid. */
    public long offset() {
        return offset;
    }
}
