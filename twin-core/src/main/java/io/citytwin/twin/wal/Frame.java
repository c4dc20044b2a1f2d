package io.citytwin.twin.wal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One appended batch as read back from a segment.
 *
 * <p>On disk a frame is a 12-byte header (payload length, record count, CRC32C of the count and the
 * payload; big-endian ints) followed by the payload. A frame is written by one write call and is
 * only counted as written once all of it is; the checksum lets recovery tell a torn write from a
 * whole frame.
 *
 * @param segmentId the segment it was read from
 * @param offset where its header starts in the segment file
 * @param records how many records the payload holds
 * @param payload the bytes as appended
 */
public record Frame(long segmentId, long offset, int records, byte[] payload) {

    static final int HEADER_BYTES = 12;
    /** Larger lengths are damage, not data: no append produces a frame this big. */
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    /** Bytes the frame takes in the file, header included. */
    public long sizeOnDisk() {
        return HEADER_BYTES + (long) payload.length;
    }

    /** Offset of the byte after this frame. */
    public long end() {
        return offset + sizeOnDisk();
    }

    /** Header and payload, ready to be written. */
    static ByteBuffer encode(byte[] payload, int records) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("frame payload of " + payload.length + " bytes exceeds "
                    + MAX_PAYLOAD_BYTES + "; append smaller batches");
        }
        if (records < 0) {
            throw new IllegalArgumentException("negative record count " + records);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        frame.putInt(payload.length).putInt(records).putInt(checksum(records, payload)).put(payload);
        return frame.flip();
    }

    static int checksum(int records, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, records));
        crc.update(payload);
        return (int) crc.getValue();
    }
}
