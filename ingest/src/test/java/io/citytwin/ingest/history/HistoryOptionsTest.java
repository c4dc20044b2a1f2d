package io.citytwin.ingest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.ingest.history.embedded.EmbeddedHistoryOptions;
import io.citytwin.ingest.history.influx.InfluxHistoryOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings fail at construction with a message naming the setting. */
class HistoryOptionsTest {

    private static final Path DIR = Path.of("data", "history");
    private static final URI URL = URI.create("http://localhost:8086");

    @Test
    void embeddedSettingsAreChecked() {
        EmbeddedHistoryOptions defaults = EmbeddedHistoryOptions.in(DIR);
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.syncInterval()).isZero();
        assertThatThrownBy(() -> defaults.withRetention(Duration.ZERO)).hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> defaults.withSyncInterval(Duration.ofMillis(-1))).hasMessageContaining("sync interval");
        assertThatThrownBy(() -> defaults.withCheckpointInterval(Duration.ofSeconds(-5)))
                .hasMessageContaining("checkpoint interval");
    }

    @Test
    void influxSettingsAreChecked() {
        InfluxHistoryOptions defaults = InfluxHistoryOptions.of(URL, "citytwin", DIR);
        assertThat(defaults.maxPointsPerWrite()).isEqualTo(5000);
        assertThatThrownBy(() -> InfluxHistoryOptions.of(URI.create("localhost:8086"), "citytwin", DIR))
                .hasMessageContaining("http(s)://host:port");
        assertThatThrownBy(() -> InfluxHistoryOptions.of(URL, " ", DIR)).hasMessageContaining("database name");
        assertThatThrownBy(() -> defaults.withCredentials("admin", null)).hasMessageContaining("go together");
        assertThatThrownBy(() -> defaults.withRetry(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("longest retry pause PT1S is below the first PT5S");
        assertThatThrownBy(() -> defaults.withMaxPointsPerWrite(0)).hasMessageContaining("points per write");
        assertThat(defaults.withCredentials("admin", "s3cret").toString()).doesNotContain("s3cret");
    }
}
