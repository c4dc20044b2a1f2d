package io.citytwin.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesUpToTheCapAndStartsOverAfterASuccess() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    long[] delays = LongStream.range(0, 6).map(i -> backoff.nextMillis()).toArray();
    backoff.reset();

    assertThat(delays).containsExactly(100, 200, 400, 800, 1000, 1000);
    assertThat(backoff.nextMillis()).isEqualTo(100);
  }
}
