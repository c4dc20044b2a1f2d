package io.citytwin.twin.cap.incident;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapReference;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.Severity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One version of an incident's CAP alert and the incident as that version shows it. A version
 * starts at each timeline step that changes what the public is told: the incident opens, its
 * severity rises, its area changes, it is resolved, closed or cancelled. Only the latest version is
 * published in full; earlier ones are its references. While a version is the latest, what it shows
 * does not change: it is the incident as of that step (severity, status, alarms counted, agencies
 * tasked, readings), so an identifier always names the same message.
 *
 * @param number 1 for the first version, then 2, 3, ...
 * @param identifier {@code {prefix}.{incidentId}.{number}}, e.g. {@code citytwin.INC-20261124-0001.3}
 * @param sent when it was issued: the incident's time at the step (the latest timeline time up to
 *     it, as alarm times may lag the platform clock), to the second, in the publisher's zone; one
 *     second after the previous version's when it would not be later, so {@code sent} strictly
 *     increases
 * @param msgType {@link CapMsgType#ALERT} for version 1, {@link CapMsgType#CANCEL} when the step
 *     cancelled the incident, {@link CapMsgType#UPDATE} otherwise
 * @param throughSeq the timeline step (event sequence number) that started the version
 * @param atMillis the incident's time at the step, epoch milliseconds
 * @param severity the incident's severity after the step
 * @param status the incident's status after the step
 * @param alarmCount alarms correlated into the incident up to the step, the opening one included
 * @param agencies agencies tasked up to the next version (the plan tiers this version's step
 *     reached), in the order of their first task
 * @param readings sensor readings backing the incident after the step: the first {@code readings}
 *     of its evidence
 */
public record AlertVersion(
    int number, String identifier, OffsetDateTime sent, CapMsgType msgType, long throughSeq,
    long atMillis, Severity severity, IncidentStatus status, long alarmCount, List<Agency> agencies,
    int readings) {

  public AlertVersion {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    agencies = List.copyOf(agencies);
  }

  /** This version as a CAP reference from {@code sender}, for a later version's references. */
  public CapReference reference(String sender) {
    return new CapReference(sender, identifier, sent);
  }
}
