/** Incident events as versioned, lossless JSON for the journal and the event bus. */
package io.citytwin.twin.incident.codec;
