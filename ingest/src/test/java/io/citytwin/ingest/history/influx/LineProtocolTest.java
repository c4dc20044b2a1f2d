package io.citytwin.ingest.history.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

    @Test
    void aRecordIsOneLineWithSortedTagsAFloatFieldAndMilliseconds() {
        HistoryRecord r = new HistoryRecord(new Reading("aq-017", Quantity.PM25, 35.2, 1763800000123L, null),
                "MC-MO", "air_quality", false);
        assertThat(lines(r)).isEqualTo(
                "pm25,district=MC-MO,exercise=false,kind=air_quality,sensor=aq-017 value=35.2 1763800000123\n");
    }

    @Test
    void emptyDistrictAndKindAreLeftOutAndWholeNumbersStayFloats() {
        HistoryRecord r = new HistoryRecord(new Reading("bed:3", Quantity.BEDS_FREE, 12, -5L, null), "", null, true);
        assertThat(lines(r)).isEqualTo("beds_free,exercise=true,sensor=bed:3 value=12.0 -5\n");
    }

    @Test
    void separatorsInTagValuesAreEscaped() {
        HistoryRecord r = new HistoryRecord(new Reading("s-1", Quantity.NOISE, 1e-5, 1, null), "Old Town, West",
                "a=b", false);
        assertThat(lines(r)).isEqualTo(
                "noise,district=Old\\ Town\\,\\ West,exercise=false,kind=a\\=b,sensor=s-1 value=1.0E-5 1\n");
    }

    @Test
    void aTagValueLineProtocolCannotCarryIsRefusedByName() {
        HistoryRecord r = new HistoryRecord(new Reading("s-1", Quantity.NOISE, 1, 1, null), "D\\", "k", false);
        assertThatThrownBy(() -> LineProtocol.encode(List.of(r)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensor 's-1'").hasMessageContaining("tag district = 'D\\'");
        HistoryRecord newline = new HistoryRecord(new Reading("s-1", Quantity.NOISE, 1, 1, null), "D", "k\nx", false);
        assertThatThrownBy(() -> LineProtocol.encode(List.of(newline))).hasMessageContaining("tag kind");
    }

    @Property(tries = 2000, seed = "8086")
    void anyTagValueGivesOneWellFormedLineOrAReason(@ForAll String district, @ForAll String kind) {
        HistoryRecord r = new HistoryRecord(new Reading("s-1", Quantity.PM10, 2.5, 7, null), district, kind, false);
        boolean unwritable = (district + kind).chars().anyMatch(c -> c == '\\' || c == '\n' || c == '\r');
        try {
            String line = lines(r);
            assertThat(unwritable).isFalse();
            assertThat(line).endsWith(" value=2.5 7\n").startsWith("pm10,");
            assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
            // Every unescaped space separates the three parts: tags, field, time.
            assertThat(line.replace("\\ ", "").chars().filter(c -> c == ' ').count()).isEqualTo(2);
        } catch (IllegalArgumentException e) {
            assertThat(unwritable).isTrue();
        }
    }

    private static String lines(HistoryRecord... records) {
        return new String(LineProtocol.encode(List.of(records)), StandardCharsets.UTF_8);
    }
}
