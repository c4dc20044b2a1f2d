package io.citytwin.twin.journal;

import io.citytwin.twin.wal.Frame;
import io.citytwin.twin.wal.FrameReader;
import io.citytwin.twin.wal.GroupCommitLog;
import io.citytwin.twin.wal.LogFormat;
import io.citytwin.twin.wal.Segment;
import io.citytwin.twin.wal.SegmentLog;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only journal of incident and task events: one encoded event per checksummed frame in
 * a {@link SegmentLog}, written through a {@link GroupCommitLog} that forces every group to the
 * device before any append of it completes. So once {@link #append} has completed — which the
 * platform waits for before it confirms an acknowledgement to an agency — the event survives a
 * {@code kill -9}, an OS crash or a power loss. At open, a frame torn by a crash (never
 * acknowledged) is set aside and everything before it is {@link #replay replayed}.
 *
 * <p>Thread-safe; appends complete on the caller's Vert.x context.
 */
public final class EventJournal {
  private static final long SEGMENT_BYTES = 64L << 20;

  private final SegmentLog log;
  private final GroupCommitLog writer;
  private final List<byte[]> recovered;

  private EventJournal(SegmentLog log, List<byte[]> recovered) {
    this.log = log;
    this.recovered = recovered;
    this.writer = new GroupCommitLog(log, Duration.ZERO, "incident-journal-writer");
  }

  /** Opens (or creates) the journal in {@code dir}, reading back what it holds. Blocking. */
  public static EventJournal open(Path dir) throws IOException {
    SegmentLog log = SegmentLog.open(dir, LogFormat.INCIDENT_EVENTS, SEGMENT_BYTES);
    List<byte[]> events = new ArrayList<>();
    for (Segment s : log.segments()) {
      try (FrameReader r = log.reader(s)) {
        for (Frame f = r.next(); f != null; f = r.next()) {
          events.add(f.payload());
        }
      }
    }
    return new EventJournal(log, events);
  }

  /** The events found at open, oldest first. */
  public List<byte[]> replay() {
    return List.copyOf(recovered);
  }

  /** Number of events found at open. */
  public int recoveredCount() {
    return recovered.size();
  }

  /** Appends one encoded event; completes once it is on the device. */
  public Future<Void> append(byte[] event) {
    return writer.append(event, 1, () -> { });
  }

  /** Appends events in order as one group; completes once all are on the device. */
  public Future<Void> appendAll(List<byte[]> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> all = new ArrayList<>(events.size());
    for (byte[] e : events) {
      all.add(writer.append(e, 1, () -> { }));
    }
    return Future.all(all).mapEmpty();
  }

  public Path directory() {
    return log.directory();
  }

  /** Writes what is queued, then closes the files. */
  public Future<Void> close() {
    return writer.close().eventually(() -> {
      try {
        log.close();
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
      return Future.succeededFuture();
    });
  }
}
