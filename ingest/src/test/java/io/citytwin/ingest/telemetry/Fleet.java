package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;

import static io.citytwin.twin.telemetry.Quantity.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A small registered fleet and a fixed receive time shared by the codec tests. */
final class Fleet {

    static final long NOW = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();

    static final Map<String, Set<Quantity>> SENSORS = Map.of(
            "aq-001", EnumSet.of(PM25, PM10, NO2, O3, TEMPERATURE, HUMIDITY),
            "wl-port-1", EnumSet.of(WATER_LEVEL, RAINFALL, TEMPERATURE),
            "tc-12", EnumSet.of(TRAFFIC_FLOW, SPEED),
            "hosp-3", EnumSet.of(BEDS_FREE, OCCUPANCY),
            "smk-7", EnumSet.of(SMOKE, TEMPERATURE, GAS, CO),
            "crowd-1", EnumSet.of(CROWD_DENSITY, NOISE),
            "s-17", EnumSet.of(PM25, TEMPERATURE, HUMIDITY),
            "10e2073a01080063", EnumSet.of(TEMPERATURE, HUMIDITY, WATER_LEVEL));

    static final SensorDirectory DIRECTORY = SensorDirectory.of(SENSORS);

    static final TelemetryDecoder DECODER = new TelemetryDecoder(DIRECTORY, DecoderLimits.DEFAULTS);

    private Fleet() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static DecodeResult decode(String sensorId, String payload) {
        return DECODER.decode(sensorId, utf8(payload), NOW);
    }
}
