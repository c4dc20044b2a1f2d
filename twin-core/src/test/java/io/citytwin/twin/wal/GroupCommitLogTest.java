package io.citytwin.twin.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCommitLogTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "sync interval {0} ms")
    @ValueSource(longs = {0, 50})
    void concurrentAppendsAreAllWrittenEachThreadInItsOrder(long syncMillis) throws Exception {
        int threads = 4;
        int perThread = 500;
        List<String> afterWriteOrder = Collections.synchronizedList(new ArrayList<>());
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ofMillis(syncMillis), "test-writer");
            List<Future<Void>> acks = Collections.synchronizedList(new ArrayList<>());
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread appender = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String payload = thread + ":" + i;
                        acks.add(writer.append(payload.getBytes(StandardCharsets.UTF_8), 1,
                                () -> afterWriteOrder.add(payload)));
                    }
                });
                appender.start();
                appenders.add(appender);
            }
            for (Thread t : appenders) {
                t.join();
            }
            await(Future.all(acks));
            await(writer.close());

            List<String> frames = SegmentLogTest.readAll(log);
            assertThat(frames).hasSize(threads * perThread);
            assertThat(afterWriteOrder).containsExactlyElementsOf(frames.stream().map(f -> f.replace(" x1", "")).toList());
            for (int t = 0; t < threads; t++) {
                String prefix = t + ":";
                assertThat(frames.stream().filter(f -> f.startsWith(prefix)).toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread)
                                .mapToObj(i -> prefix + i + " x1").toList());
            }
        }
    }

    @Test
    void anAppendCompletesOnlyAfterItsActionRan() throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ZERO, "test-writer");
            boolean[] ran = new boolean[1];
            Future<Void> ack = writer.append(new byte[] {1}, 1, () -> ran[0] = true);
            CompletableFuture<Boolean> seenAtCompletion = new CompletableFuture<>();
            ack.onSuccess(v -> seenAtCompletion.complete(ran[0]));
            assertThat(seenAtCompletion.get(10, TimeUnit.SECONDS)).isTrue();
            await(writer.close());
        }
    }

    @Test
    void rollReturnsASegmentAfterEveryEarlierAppend() throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ZERO, "test-writer");
            List<Future<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                acks.add(writer.append(new byte[] {(byte) i}, 1, () -> {}));
            }
            Segment active = await(writer.roll());
            assertThat(acks).allMatch(Future::succeeded);
            assertThat(log.segments()).filteredOn(s -> s.id() < active.id())
                    .allMatch(Segment::isSealed)
                    .extracting(Segment::records).containsExactly(100L);
            await(writer.close());
        }
    }

    @Test
    void afterCloseAppendsFailAndNothingQueuedIsLost() throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ZERO, "test-writer");
            List<Future<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                acks.add(writer.append(new byte[] {(byte) i}, 1, () -> {}));
            }
            await(writer.close());
            assertThat(acks).allMatch(Future::succeeded);
            assertThat(log.active().records()).isEqualTo(1000);
            Future<Void> late = writer.append(new byte[] {1}, 1, () -> {});
            assertThat(late.failed()).isTrue();
            assertThat(late.cause()).hasMessageContaining("closed");
        }
    }

    @Test
    void aFailingActionFailsOnlyItsOwnAppend() throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ZERO, "test-writer");
            Future<Void> bad = writer.append(new byte[] {1}, 1, () -> {
                throw new IllegalStateException("index is gone");
            });
            Future<Void> good = writer.append(new byte[] {2}, 1, () -> {});
            await(writer.close());
            assertThat(bad.cause()).hasMessage("index is gone");
            assertThat(good.succeeded()).isTrue();
        }
    }

    @Test
    void completionArrivesOnTheCallersEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ZERO, "test-writer");
            CompletableFuture<String[]> threads = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                String caller = Thread.currentThread().getName();
                writer.append(new byte[] {1}, 1, () -> {})
                        .onComplete(ar -> threads.complete(new String[] {caller, Thread.currentThread().getName()}));
            });
            String[] names = threads.get(10, TimeUnit.SECONDS);
            assertThat(names[1]).isEqualTo(names[0]).startsWith("vert.x-eventloop");
            await(writer.close());
        } finally {
            vertx.close();
        }
    }

    @Test
    void anOversizedFrameIsRefusedUpFront() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, LogFormat.LINE_PROTOCOL, 16 << 10)) {
            GroupCommitLog writer = new GroupCommitLog(log, Duration.ZERO, "test-writer");
            Future<Void> huge = writer.append(new byte[Frame.MAX_PAYLOAD_BYTES + 1], 1, () -> {});
            assertThatThrownBy(() -> await(huge)).hasMessageContaining("append smaller batches");
            writer.close();
        }
    }

    static <T> T await(Future<T> f) throws InterruptedException, ExecutionException, TimeoutException {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
