package io.citytwin.twin.vertx;

import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;

/**
 * Readings handed to the live twin over the local event bus, without serialisation.
 *
 * @param readings validated readings, grouped so that a sensor's readings are adjacent
 * @param receivedAtMillis platform receive time of the batch, epoch milliseconds
 * @param exercise true for drill telemetry: it raises exercise incidents only and never changes
 *     the real live state or statistics
 */
public record ReadingBatch(List<Reading> readings, long receivedAtMillis, boolean exercise) {

  /** Real (not exercise) telemetry. */
  public ReadingBatch(List<Reading> readings, long receivedAtMillis) {
    this(readings, receivedAtMillis, false);
  }

  /** Registers the local codec once per Vert.x instance; safe to call repeatedly. */
  public static void registerCodec(Vertx vertx) {
    try {
      vertx.eventBus().registerDefaultCodec(ReadingBatch.class, new LocalCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // both the twin and ingest register it; whichever starts first wins
    }
  }

  private static final class LocalCodec implements MessageCodec<ReadingBatch, ReadingBatch> {
    @Override
    public void encodeToWire(Buffer buffer, ReadingBatch batch) {
      throw new UnsupportedOperationException("reading batches stay in-process (Kafka carries them between nodes)");
    }

    @Override
    public ReadingBatch decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("reading batches stay in-process");
    }

    @Override
    public ReadingBatch transform(ReadingBatch batch) {
      return batch;
    }

    @Override
    public String name() {
      return "citytwin-reading-batch";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
