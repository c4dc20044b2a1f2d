/**
 * The incident aggregate, Ditto style: {@link io.citytwin.twin.incident.IncidentCommand}s are
 * decided (by the linked-disposal engine in {@code io.citytwin.twin.disposal}) into {@link
 * io.citytwin.twin.incident.IncidentEvent}s, which change {@link
 * io.citytwin.twin.incident.IncidentsState} only through its pure {@code apply}. Events carry
 * everything needed to replay them; {@code codec} writes them as versioned JSON.
 */
package io.citytwin.twin.incident;
