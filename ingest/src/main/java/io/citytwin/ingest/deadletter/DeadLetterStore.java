package io.citytwin.ingest.deadletter;

import io.citytwin.ingest.telemetry.DeadLetter;
import io.citytwin.ingest.telemetry.DeadLetterSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter store: every rejected message, raw bytes included, appended as one JSON line to
 * a file per UTC day ({@code dead-letters-YYYY-MM-DD.jsonl}) under a directory, and the newest
 * few kept in memory for the API.
 *
 * <p>{@link #accept} never blocks the ingest thread: letters go through a bounded queue to a
 * writer thread. If garbage arrives faster than the disk takes it and the queue is full, the
 * letter is still counted (by reason, in ingest's counters) and the loss is counted here
 * ({@link #dropped()}) rather than stalling valid telemetry behind it.
 */
public final class DeadLetterStore implements DeadLetterSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);
  private static final DeadLetter STOP = new DeadLetter(new byte[0], "", io.citytwin.ingest.telemetry.RejectReason.INTERNAL_ERROR, "stop", 0);

  private final Path dir;
  private final BlockingQueue<DeadLetter> queue;
  private final ArrayDeque<DeadLetter> recent = new ArrayDeque<>();
  private final int keepRecent;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  /** Opens the store; {@code dir} is created if needed. */
  public DeadLetterStore(Path dir, int queueCapacity, int keepRecent) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.keepRecent = keepRecent;
    this.writer = new Thread(this::writeLoop, "citytwin-dead-letters");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void accept(DeadLetter letter) {
    synchronized (recent) {
      if (recent.size() == keepRecent) {
        recent.removeFirst();
      }
      recent.addLast(letter);
    }
    if (!queue.offer(letter)) {
      dropped.incrementAndGet();
    }
  }

  /** The newest letters, newest first, at most {@code limit}. */
  public List<DeadLetter> recent(int limit) {
    List<DeadLetter> out = new ArrayList<>(Math.min(limit, keepRecent));
    synchronized (recent) {
      var it = recent.descendingIterator();
      while (it.hasNext() && out.size() < limit) {
        out.add(it.next());
      }
    }
    return out;
  }

  /** Letters written to disk since start. */
  public long written() {
    return written.get();
  }

  /** Letters that could not be queued for disk (queue full), since start. */
  public long dropped() {
    return dropped.get();
  }

  public Path directory() {
    return dir;
  }

  private void writeLoop() {
    Path current = null;
    BufferedWriter out = null;
    try {
      while (true) {
        DeadLetter d = queue.poll(1, TimeUnit.SECONDS);
        if (d == null) {
          if (out != null) {
            out.flush();
          }
          continue;
        }
        if (d == STOP) {
          break;
        }
        Path file = dir.resolve("dead-letters-"
            + Instant.ofEpochMilli(d.receivedAtMillis()).atZone(ZoneOffset.UTC).toLocalDate() + ".jsonl");
        if (!file.equals(current)) {
          if (out != null) {
            out.close();
          }
          out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          current = file;
        }
        out.write(toJsonLine(d));
        out.write('\n');
        written.incrementAndGet();
        if (queue.isEmpty()) {
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.error("dead-letter store {} failed; later letters are counted but not written", dir, e);
    } finally {
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          LOG.warn("closing dead-letter file: {}", e.toString());
        }
      }
    }
  }

  /** One letter as a JSON line: receivedAt, topic, reason, detail, size, payloadBase64. */
  public static String toJsonLine(DeadLetter d) {
    return "{\"receivedAt\":\"" + Instant.ofEpochMilli(d.receivedAtMillis()) + "\""
        + ",\"topic\":" + quote(d.topic())
        + ",\"reason\":\"" + d.reason().name().toLowerCase(java.util.Locale.ROOT) + "\""
        + ",\"detail\":" + quote(d.detail())
        + ",\"size\":" + d.payloadLength()
        + ",\"payloadBase64\":\"" + Base64.getEncoder().encodeToString(d.payload()) + "\"}";
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Writes what is queued and stops the writer. */
  @Override
  public void close() throws InterruptedException {
    while (!queue.offer(STOP, 100, TimeUnit.MILLISECONDS)) {
      // the writer drains the queue
    }
    writer.join(10_000);
  }
}
