/**
 * Request/reply over the Vert.x event bus shared by the web server's service adapters: the
 * contracts' failure codes mapped to {@link io.citytwin.web.bus.ServiceException}.
 */
package io.citytwin.web.bus;
