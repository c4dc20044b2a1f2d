package io.citytwin.ingest.history.embedded;

/**
 * A snapshot of the embedded store's counters, for {@code /metrics} and {@code /health}.
 *
 * @param points points in the index
 * @param logBytes bytes in write-ahead log segments not yet covered by a checkpoint
 * @param replayedAtOpen points replayed from the log at open (nonzero after an unclean stop)
 * @param pruned points removed by retention since open
 */
public record EmbeddedHistoryStats(long points, long logBytes, long replayedAtOpen, long pruned) {}
