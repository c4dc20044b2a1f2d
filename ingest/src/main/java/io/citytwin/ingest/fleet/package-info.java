/**
 * The sensor-fleet simulator and load driver: realistic telemetry (daily cycles, noise, faults)
 * for registered or synthetic sensors, published over MQTT (Eclipse Paho) at a global rate.
 *
 * <p>Entry point: {@link io.citytwin.ingest.fleet.FleetSimulator} with {@link
 * io.citytwin.ingest.fleet.FleetOptions} and a list of {@link io.citytwin.ingest.fleet.SimulatedSensor}s
 * ({@link io.citytwin.ingest.fleet.SyntheticFleet} makes anonymous ones). Values come from {@link
 * io.citytwin.ingest.fleet.SensorSignal}, payloads from {@link io.citytwin.ingest.fleet.Payloads};
 * both are plain Java and need no broker.
 */
package io.citytwin.ingest.fleet;
