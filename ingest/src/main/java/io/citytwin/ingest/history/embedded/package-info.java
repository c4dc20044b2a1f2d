/**
 * The default history adapter: {@link io.citytwin.ingest.history.embedded.EmbeddedHistoryStore}, files
 * under {@code data.dir}, no server. A write-ahead log makes each batch durable with one sequential
 * write; an H2 MVStore B-tree keyed by (sensor, quantity, time) answers range reads. Settings:
 * {@link io.citytwin.ingest.history.embedded.EmbeddedHistoryOptions}.
 */
package io.citytwin.ingest.history.embedded;
