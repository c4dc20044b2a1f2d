/**
 * Units, bases and routes: which unit of an agency reaches an incident soonest by road, and which
 * roads an incident closes. {@link io.citytwin.twin.dispatch.Dispatcher} is the port the
 * linked-disposal engine calls; {@link io.citytwin.twin.dispatch.RoadDispatcher} answers on the
 * city's road graph (geo-data's {@code Router}). Plain Java, no transports.
 */
package io.citytwin.twin.dispatch;
