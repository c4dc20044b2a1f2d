/**
 * WebSocket push to dashboards ({@code /ws}): event-bus publications forwarded as JSON text frames,
 * a snapshot on connect, and bounded memory per client.
 */
package io.citytwin.web.push;
