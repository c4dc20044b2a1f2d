/**
 * The thin Vert.x adapter of the twin: {@link io.citytwin.twin.vertx.CimVerticle} serves the CIM
 * and live state on the event bus at the addresses listed in {@link
 * io.citytwin.twin.vertx.CimAddresses}.
 */
package io.citytwin.twin.vertx;
