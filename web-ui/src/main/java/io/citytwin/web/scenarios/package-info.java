/**
 * The port the HTTP routes, {@code /metrics} and the WebSocket push reach scenarios and drills
 * through ({@link io.citytwin.web.scenarios.ScenarioService}), and its event-bus implementation on
 * the {@code io.citytwin.twin.vertx.SimAddresses} contract.
 */
package io.citytwin.web.scenarios;
