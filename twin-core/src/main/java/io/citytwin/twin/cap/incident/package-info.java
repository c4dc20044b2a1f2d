/**
 * Incidents as CAP 1.2 alerts and CAP alerts as incidents: the bridge between the incident book
 * ({@code io.citytwin.twin.incident}) and the CAP codec ({@code io.citytwin.twin.cap}). Pure
 * functions over immutable values; no transport, clock or I/O here.
 *
 * <ul>
 *   <li>Out: {@link io.citytwin.twin.cap.incident.IncidentCap} renders an incident's current CAP
 *       alert and the Atom feed of active alerts. Alert versions derive from the incident's
 *       timeline ({@link io.citytwin.twin.cap.incident.AlertVersion}), so every node renders the
 *       same message, identifier and references for the same state.
 *   <li>In: {@link io.citytwin.twin.cap.incident.CapImport} turns another authority's alert into
 *       incident commands for the linked-disposal engine, or says why it is ignored or rejected
 *       ({@link io.citytwin.twin.cap.incident.CapImportResult}).
 * </ul>
 */
package io.citytwin.twin.cap.incident;
