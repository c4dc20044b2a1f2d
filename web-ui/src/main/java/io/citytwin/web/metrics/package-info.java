/**
 * {@code /metrics}: the Prometheus text exposition format (version 0.0.4) and the mapping from the
 * platform's statistics replies to metric families. Plain Java, no Vert.x I/O.
 */
package io.citytwin.web.metrics;
