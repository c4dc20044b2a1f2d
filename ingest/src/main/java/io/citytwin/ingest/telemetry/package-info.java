/**
 * Telemetry codec: MQTT topic and payload in, validated readings in canonical units (or one
 * rejection with a reason) out. Plain Java on Jackson's streaming parser; no transport here.
 *
 * <p>Entry points: {@link io.citytwin.ingest.telemetry.TelemetryIntake#process} (topic + bytes,
 * counts and dead-letters) or {@link io.citytwin.ingest.telemetry.TelemetryDecoder#decode}
 * (sensor id + bytes, pure). Readings: {@link io.citytwin.twin.telemetry.Reading}; reasons:
 * {@link io.citytwin.ingest.telemetry.RejectReason}; ports:
 * {@link io.citytwin.ingest.telemetry.SensorDirectory},
 * {@link io.citytwin.ingest.telemetry.DeadLetterSink}.
 *
 * <h2>Quantities</h2>
 * <table>
 *   <caption>Canonical quantities, units, plausible ranges and accepted source units</caption>
 *   <tr><th>name</th><th>unit</th><th>range</th><th>also accepted</th></tr>
 *   <tr><td>pm25</td><td>ug/m3</td><td>0..2000</td><td>mg/m3, kg/m3</td></tr>
 *   <tr><td>pm10</td><td>ug/m3</td><td>0..5000</td><td>mg/m3, kg/m3</td></tr>
 *   <tr><td>no2</td><td>ug/m3</td><td>0..2000</td><td>mg/m3, kg/m3</td></tr>
 *   <tr><td>o3</td><td>ug/m3</td><td>0..1000</td><td>mg/m3, kg/m3</td></tr>
 *   <tr><td>co</td><td>ppm</td><td>0..10000</td><td>ppb, / (ratio), % (by volume)</td></tr>
 *   <tr><td>gas</td><td>ppm</td><td>0..1000000</td><td>ppb, / (ratio), % (by volume)</td></tr>
 *   <tr><td>temperature</td><td>Cel</td><td>-60..70</td><td>K, degF</td></tr>
 *   <tr><td>humidity</td><td>%RH</td><td>0..100</td><td></td></tr>
 *   <tr><td>water_level</td><td>m</td><td>-10..20</td><td>cm, mm</td></tr>
 *   <tr><td>rainfall</td><td>mm/h</td><td>0..1000</td><td>m/h</td></tr>
 *   <tr><td>smoke</td><td>%obs/m</td><td>0..100</td><td></td></tr>
 *   <tr><td>traffic_flow</td><td>veh/h</td><td>0..20000</td><td>1/h, 1/min, 1/s</td></tr>
 *   <tr><td>speed</td><td>km/h</td><td>0..300</td><td>m/s</td></tr>
 *   <tr><td>crowd_density</td><td>persons/m2</td><td>0..10</td><td></td></tr>
 *   <tr><td>noise</td><td>dBA</td><td>0..194</td><td></td></tr>
 *   <tr><td>beds_free</td><td>count</td><td>0..10000, whole</td><td></td></tr>
 *   <tr><td>occupancy</td><td>count</td><td>0..1000000, whole</td><td></td></tr>
 * </table>
 * The JSON-object form carries no units: values are in the canonical unit. SenML records may
 * name any accepted unit ({@code u} or {@code bu}); a missing or empty unit means canonical.
 */
package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Reading;
