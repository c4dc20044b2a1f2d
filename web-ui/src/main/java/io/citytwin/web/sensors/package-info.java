/**
 * The port the HTTP routes and the WebSocket push read the live twin, the sensor registry and the
 * ingest services through ({@link io.citytwin.web.sensors.SensorService}), and its event-bus
 * implementation on the {@code io.citytwin.twin.vertx.TelemetryAddresses} contract.
 */
package io.citytwin.web.sensors;
