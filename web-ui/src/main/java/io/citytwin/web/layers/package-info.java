/**
 * The port the HTTP routes read the twin through ({@link io.citytwin.web.layers.LayerService})
 * and its event-bus implementation.
 */
package io.citytwin.web.layers;
