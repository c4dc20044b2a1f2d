/**
 * The InfluxDB 1.x history adapter: {@link io.citytwin.ingest.history.influx.InfluxHistoryStore}
 * spools every batch locally as line protocol and ships the spool to the server in order, retrying
 * while it is down, so nothing is dropped. Settings:
 * {@link io.citytwin.ingest.history.influx.InfluxHistoryOptions}; counters:
 * {@link io.citytwin.ingest.history.influx.SpoolStats}.
 */
package io.citytwin.ingest.history.influx;
