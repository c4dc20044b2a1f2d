package io.citytwin.ingest.history.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PointCodecTest {

    @Property(tries = 300, seed = "424242")
    void everyRecordComesBackAsItsPoint(@ForAll("records") @Size(max = 50) List<HistoryRecord> records) {
        List<HistoryPoint> decoded = PointCodec.decode(PointCodec.encode(records), records.size());
        assertThat(decoded).containsExactlyElementsOf(records.stream()
                .map(r -> new HistoryPoint(r.reading().sensorId(), r.reading().quantity(), r.reading().timestampMillis(),
                        r.reading().value(), r.exercise()))
                .toList());
    }

    @Property(tries = 1000, seed = "424243")
    void garbageIsRefusedWithAReasonNeverAnotherException(@ForAll @Size(max = 300) byte[] garbage,
            @ForAll @IntRange(min = 0, max = 20) int count) {
        try {
            List<HistoryPoint> points = PointCodec.decode(garbage, count);
            assertThat(points).hasSize(count);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void anUnknownQuantityNamesTheName() {
        byte[] payload = PointCodec.encode(List.of(new HistoryRecord(
                new Reading("s-1", Quantity.PM25, 1, 2, null), "", "", false)));
        // Same length as "pm25", so only the name changes.
        byte[] renamed = new String(payload, StandardCharsets.ISO_8859_1)
                .replace("pm25", "pm26").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PointCodec.decode(renamed, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("point 0: unknown quantity 'pm26'");
        assertThatThrownBy(() -> PointCodec.decode(payload, 2)).hasMessage("payload ends inside point 1 of 2");
        assertThatThrownBy(() -> PointCodec.decode(payload, 0)).hasMessageContaining("bytes left after 0 points");
    }

    @Provide
    Arbitrary<List<HistoryRecord>> records() {
        Arbitrary<HistoryRecord> record = Combinators.combine(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(64),
                Arbitraries.of(Quantity.class),
                Arbitraries.doubles().between(-1e12, 1e12),
                Arbitraries.longs(),
                Arbitraries.of(true, false))
                .as((sensor, quantity, value, time, exercise) ->
                        new HistoryRecord(new Reading(sensor, quantity, value, time, null), "D", "k", exercise));
        return record.list();
    }
}
