/**
 * Linked disposal: response plans as data ({@link io.citytwin.twin.disposal.ResponsePlanFile}) and
 * the engine ({@link io.citytwin.twin.disposal.Disposal}) that decides incident commands into
 * events: alarms correlated into incidents, plan tasks created per agency, units dispatched by
 * road ETA, acknowledgements, arrivals, escalations at clock ticks. Pure functions of state and
 * command; no timers, no transports.
 */
package io.citytwin.twin.disposal;
