package io.citytwin.twin.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(EventJournal j) {
    return j.replay().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void appendedEventsAreReplayedInOrderAfterReopening() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      EventJournal j = EventJournal.open(dir);
      assertThat(j.replay()).isEmpty();
      j.append(utf8("{\"e\":1}")).await();
      j.appendAll(List.of(utf8("{\"e\":2}"), utf8("{\"e\":3}"))).await();
      j.close().await();
      EventJournal again = EventJournal.open(dir);
      assertThat(texts(again)).containsExactly("{\"e\":1}", "{\"e\":2}", "{\"e\":3}");
      again.append(utf8("{\"e\":4}")).await();
      again.close().await();
      assertThat(texts(EventJournal.open(dir))).containsExactly("{\"e\":1}", "{\"e\":2}", "{\"e\":3}", "{\"e\":4}");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aFrameTornByACrashIsSetAsideAndEverythingBeforeItSurvives() throws Exception {
    EventJournal j = EventJournal.open(dir);
    j.append(utf8("{\"e\":\"acked\"}")).toCompletionStage().toCompletableFuture().get();
    j.close().toCompletionStage().toCompletableFuture().get();
    Path segment;
    try (Stream<Path> files = Files.list(dir)) {
      segment = files.filter(p -> p.toString().endsWith(".wal")).findFirst().orElseThrow();
    }
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 42, 1, 2, 3})); // half a frame
    }
    assertThat(texts(EventJournal.open(dir))).containsExactly("{\"e\":\"acked\"}");
  }
}
