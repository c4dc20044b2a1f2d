package io.citytwin.twin.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of {@link Frame frames} in numbered segment files ({@code 00000000000000000042.wal})
 * under one directory, which the log locks against a second process.
 *
 * <p>Each segment starts with a 16-byte header (magic {@code CTWAL_V1}, {@link LogFormat} id). A
 * new segment is started at every open and when the active one has reached the configured size;
 * finished segments are sealed and deleted by the owner once their content is safe elsewhere.
 *
 * <p>Durability: {@link #append} returns once the frames are written to the file (they survive a
 * crash of this process); {@link #sync} makes them survive an operating-system crash or power
 * loss too. {@link #open} repairs what a crash can leave: a frame cut short at the end of a segment
 * is moved to a {@code .damaged-OFFSET} file beside it and the segment truncated to its whole frames.
 *
 * <p>Threading: one writer thread calls {@link #append}, {@link #sync}, {@link #roll} and
 * {@link #close}; any thread may list segments, {@link #reader read} committed frames and
 * {@link #delete} sealed segments.
 */
public final class SegmentLog implements Closeable {

    static final long MAGIC = 0x4354_5741_4C5F_5631L; // "CTWAL_V1"
    static final int HEADER_BYTES = 16;
    private static final String SUFFIX = ".wal";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

    private final Path dir;
    private final LogFormat format;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LogRecovery recovery;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private Segment active;
    private FileChannel activeChannel;
    private IOException broken;

    private SegmentLog(Path dir, LogFormat format, long segmentBytes, FileChannel lockChannel, FileLock lock,
            LogRecovery recovery) {
        this.dir = dir;
        this.format = format;
        this.segmentBytes = segmentBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.recovery = recovery;
    }

    /**
     * Opens (creating if needed) the log in {@code dir}, recovers leftover segments and starts a new
     * active segment.
     *
     * @param segmentBytes size after which the active segment is sealed and a new one started
     * @throws IOException when the directory is locked by another process, or holds a segment that
     *     is not of this format (named in the message)
     */
    public static SegmentLog open(Path dir, LogFormat format, long segmentBytes) throws IOException {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segment size must be at least 4096 bytes, was " + segmentBytes);
        }
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException(dir + " is in use by another history store (its LOCK file is held)");
        }
        try {
            List<Segment> recovered = new ArrayList<>();
            List<LogRecovery.Damage> damaged = new ArrayList<>();
            long records = 0;
            long lastId = 0;
            for (Map.Entry<Long, Path> e : existingSegments(dir).entrySet()) {
                lastId = e.getKey();
                Segment s = recover(e.getKey(), e.getValue(), format, damaged);
                if (s != null) {
                    recovered.add(s);
                    records += s.records();
                }
            }
            SegmentLog log = new SegmentLog(dir, format, segmentBytes, lockChannel, lock,
                    new LogRecovery(recovered, records, damaged));
            recovered.forEach(s -> log.segments.put(s.id(), s));
            log.startSegment(lastId + 1);
            return log;
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static TreeMap<Long, Path> existingSegments(Path dir) throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length()) {
                    try {
                        found.put(Long.parseLong(name.substring(0, 20)), p);
                    } catch (NumberFormatException e) {
                        // not one of ours: left alone
                    }
                }
            }
        }
        return found;
    }

    /** Validates one leftover segment; null when it held nothing (it is then deleted). */
    private static Segment recover(long id, Path file, LogFormat format, List<LogRecovery.Damage> damaged)
            throws IOException {
        long size = Files.size(file);
        if (size < HEADER_BYTES) {
            // Cut short while being created: no frame was ever written to it.
            Files.delete(file);
            return null;
        }
        checkHeader(file, format);
        Segment segment = new Segment(id, file, size, 0, true);
        long validEnd;
        long records = 0;
        try (FrameReader reader = new FrameReader(segment, HEADER_BYTES)) {
            try {
                for (Frame f = reader.next(size); f != null; f = reader.next(size)) {
                    records += f.records();
                }
                validEnd = size;
            } catch (CorruptLogException e) {
                validEnd = e.offset();
                damaged.add(keepDamagedTail(file, validEnd, size, e.getMessage()));
            }
        }
        if (records == 0) {
            Files.delete(file);
            return null;
        }
        return new Segment(id, file, validEnd, records, true);
    }

    private static void checkHeader(Path file, LogFormat format) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (header.hasRemaining() && ch.read(header) >= 0) {
                // fill
            }
        }
        header.flip();
        if (header.getLong() != MAGIC) {
            throw new CorruptLogException(file, 0, "not a CityTwin log segment (bad magic number)");
        }
        int formatId = header.getInt();
        if (formatId != format.id()) {
            LogFormat found = LogFormat.byId(formatId);
            throw new IOException(file + " holds " + (found == null ? "unknown format " + formatId : found)
                    + " frames, but this log is " + format + "; is the directory shared by two stores?");
        }
    }

    private static LogRecovery.Damage keepDamagedTail(Path file, long validEnd, long size, String problem)
            throws IOException {
        Path keptAs = file.resolveSibling(file.getFileName() + ".damaged-" + validEnd);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileChannel out = FileChannel.open(keptAs, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied = 0;
            while (copied < size - validEnd) {
                copied += in.transferTo(validEnd + copied, size - validEnd - copied, out);
            }
            out.force(false);
            in.truncate(validEnd);
            in.force(false);
        }
        LOG.warn("{}: {} bytes after byte {} are not whole frames ({}); moved to {}. After a crash this is "
                + "the last, unacknowledged write.", file, size - validEnd, validEnd, problem, keptAs.getFileName());
        return new LogRecovery.Damage(file, validEnd, size - validEnd, keptAs, problem);
    }

    /** What {@link #open} found and repaired. */
    public LogRecovery recovery() {
        return recovery;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Writes frames to the active segment, first starting a new segment if the active one is full.
     * Writer thread only. On failure the segment is cut back to its previous length, so a failed
     * append leaves nothing behind.
     *
     * @param frames encoded with {@link #frame}
     * @param records total records in them
     * @return the segment written to
     */
    public Segment append(ByteBuffer[] frames, long records) throws IOException {
        if (broken != null) {
            throw new IOException("log " + dir + " is unusable after an earlier write failure", broken);
        }
        if (active.committedBytes() >= segmentBytes) {
            roll();
        }
        long start = active.committedBytes();
        long end = start;
        for (ByteBuffer f : frames) {
            end += f.remaining();
        }
        try {
            long written = 0;
            while (written < end - start) {
                written += activeChannel.write(frames);
            }
        } catch (IOException | RuntimeException e) {
            undo(start, e);
            throw e;
        }
        active.committed(end, records);
        return active;
    }

    private void undo(long length, Exception cause) {
        try {
            activeChannel.truncate(length);
            activeChannel.position(length);
        } catch (IOException | RuntimeException e) {
            e.addSuppressed(cause);
            broken = new IOException("cannot cut " + active.file() + " back to " + length + " bytes", e);
        }
    }

    /** Encodes a payload and its record count as a frame for {@link #append}. */
    public static ByteBuffer frame(byte[] payload, int records) {
        return Frame.encode(payload, records);
    }

    /** Bytes a frame with a payload of {@code payloadBytes} takes in a segment. */
    public static long frameSize(int payloadBytes) {
        return Frame.HEADER_BYTES + (long) payloadBytes;
    }

    /** Forces what was appended to the storage device. Writer thread only. */
    public void sync() throws IOException {
        activeChannel.force(false);
    }

    /**
     * Seals the active segment (after forcing it to the device) and starts the next one; does
     * nothing while the active segment holds no frame. Writer thread only.
     *
     * @return the active segment afterwards: every frame appended so far lies in a lower segment
     */
    public Segment roll() throws IOException {
        if (active.isEmpty()) {
            return active;
        }
        Segment previous = active;
        activeChannel.force(false);
        activeChannel.close();
        startSegment(previous.id() + 1);
        previous.seal();
        return active;
    }

    private void startSegment(long id) throws IOException {
        Path file = dir.resolve(String.format("%020d%s", id, SUFFIX));
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putInt(format.id()).putInt(0).flip();
            while (header.hasRemaining()) {
                ch.write(header);
            }
            ch.force(false);
            syncDirectory();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        Segment segment = new Segment(id, file, HEADER_BYTES, 0, false);
        segments.put(id, segment);
        active = segment;
        activeChannel = ch;
    }

    private void syncDirectory() {
        // Makes the new file's directory entry durable; not every platform can open a directory.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    /** The segment being appended to. */
    public Segment active() {
        return active;
    }

    /** All segments, oldest first (a snapshot). */
    public List<Segment> segments() {
        return new ArrayList<>(segments.values());
    }

    /** The oldest segment, or null when none is left. */
    public Segment first() {
        Map.Entry<Long, Segment> e = segments.firstEntry();
        return e == null ? null : e.getValue();
    }

    /** The segment following {@code segment}, or null when it is the newest. */
    public Segment after(Segment segment) {
        Map.Entry<Long, Segment> e = segments.higherEntry(segment.id());
        return e == null ? null : e.getValue();
    }

    /** A reader positioned at the first frame of {@code segment}. */
    public FrameReader reader(Segment segment) throws IOException {
        return new FrameReader(segment, HEADER_BYTES);
    }

    /** Deletes a sealed segment whose frames are no longer needed. */
    public void delete(Segment segment) throws IOException {
        if (!segment.isSealed()) {
            throw new IllegalStateException("segment " + segment + " is still being written");
        }
        segments.remove(segment.id());
        Files.deleteIfExists(segment.file());
    }

    /**
     * Forces and closes the active segment (deleting it when it holds no frame) and releases the
     * directory lock. Segments stay on disk for the next {@link #open}. Writer thread only.
     */
    @Override
    public void close() throws IOException {
        try {
            if (activeChannel.isOpen()) {
                activeChannel.force(false);
                activeChannel.close();
            }
            active.seal();
            if (active.isEmpty()) {
                segments.remove(active.id());
                Files.deleteIfExists(active.file());
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
