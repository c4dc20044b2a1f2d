package io.citytwin.twin.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads the frames of one segment in order, while the writer may still be appending to it: only
 * frames below {@link Segment#committedBytes} are returned. Not thread-safe; one reader per thread.
 */
public final class FrameReader implements Closeable {

    private final Segment segment;
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(Frame.HEADER_BYTES);
    private long position;

    FrameReader(Segment segment, long position) throws IOException {
        this.segment = segment;
        this.channel = FileChannel.open(segment.file(), StandardOpenOption.READ);
        this.position = position;
    }

    public Segment segment() {
        return segment;
    }

    /** Offset of the next frame to read. */
    public long position() {
        return position;
    }

    /**
     * The next committed frame, or {@code null} when every committed frame has been read (more may
     * follow while the segment is not sealed).
     *
     * @throws CorruptLogException when the bytes at the current position are not a valid frame;
     *     the position stays at the start of the invalid bytes
     */
    public Frame next() throws IOException {
        return next(segment.committedBytes());
    }

    /** As {@link #next()}, but reading up to {@code limit} instead of the committed length. */
    Frame next(long limit) throws IOException {
        if (position + Frame.HEADER_BYTES > limit) {
            if (position < limit) {
                throw corrupt("a frame header is cut off after " + (limit - position) + " bytes");
            }
            return null;
        }
        header.clear();
        readFully(header, position);
        header.flip();
        int length = header.getInt();
        int records = header.getInt();
        int checksum = header.getInt();
        if (length < 0 || length > Frame.MAX_PAYLOAD_BYTES || records < 0) {
            throw corrupt("implausible frame header (payload " + length + " bytes, " + records + " records)");
        }
        if (position + Frame.HEADER_BYTES + length > limit) {
            throw corrupt("frame of " + length + " payload bytes is cut off after "
                    + (limit - position - Frame.HEADER_BYTES));
        }
        byte[] payload = new byte[length];
        readFully(ByteBuffer.wrap(payload), position + Frame.HEADER_BYTES);
        if (Frame.checksum(records, payload) != checksum) {
            throw corrupt("frame checksum mismatch");
        }
        Frame frame = new Frame(segment.id(), position, records, payload);
        position = frame.end();
        return frame;
    }

    private void readFully(ByteBuffer into, long at) throws IOException {
        long p = at;
        while (into.hasRemaining()) {
            int n = channel.read(into, p);
            if (n < 0) {
                throw corrupt("file ends before the committed length");
            }
            p += n;
        }
    }

    private CorruptLogException corrupt(String problem) {
        return new CorruptLogException(segment.file(), position, problem);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
