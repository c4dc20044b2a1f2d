package io.citytwin.web.push;

/**
 * Counters of the WebSocket push since the server started.
 *
 * @param clients connected clients now
 * @param framesSent event frames written (hello snapshots not included)
 * @param framesDropped event frames not written because the client's write queue was full (or its
 *     snapshot was still being fetched and too many frames were waiting)
 * @param resyncs snapshots re-sent to clients after they had dropped frames
 */
public record PushStats(int clients, long framesSent, long framesDropped, long resyncs) {}
