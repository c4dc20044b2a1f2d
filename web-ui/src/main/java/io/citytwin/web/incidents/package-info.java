/**
 * The port the HTTP routes, {@code /metrics} and the WebSocket push reach incidents and linked
 * disposal through ({@link io.citytwin.web.incidents.IncidentService}), and its event-bus
 * implementation on the {@code io.citytwin.twin.vertx.IncidentAddresses} contract.
 */
package io.citytwin.web.incidents;
