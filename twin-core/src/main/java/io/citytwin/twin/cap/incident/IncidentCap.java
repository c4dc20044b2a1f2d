package io.citytwin.twin.cap.incident;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapAtomFeed;
import io.citytwin.twin.cap.CapCategory;
import io.citytwin.twin.cap.CapCertainty;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapScope;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.cap.CapTime;
import io.citytwin.twin.cap.CapUrgency;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Incidents as CAP 1.2 alerts: {@link #alert} is the message for an incident's current version,
 * {@link #feed} the Atom feed of the active ones. Output validates against the OASIS CAP 1.2
 * schema and the spec's rules ({@code CapValidator}). Versions, identifiers, {@code sent} times and
 * references derive only from the incident (its timeline), so every node renders the same bytes
 * for the same incident state. Immutable and thread-safe if {@code placeNames} is.
 *
 * <p>How the incident maps (CAP 1.2 §3.2):
 *
 * <ul>
 *   <li>{@code status} Exercise for drills, Actual otherwise; {@code msgType} per {@link
 *       AlertVersion}, references listing every earlier version; {@code scope} Public; {@code
 *       incidents} the incident id.
 *   <li>{@code category} {@link IncidentType#capCategory()}; {@code event} the type in words
 *       ("Gas leak"); {@code severity} the incident's.
 *   <li>While active: {@code urgency} Immediate, {@code responseType}s and {@code instruction} per
 *       type (e.g. fire: Evacuate, Avoid; flood: Avoid; chemical release: Shelter, Avoid; gas leak:
 *       Evacuate, Avoid; crowd, traffic, infrastructure: Avoid; air quality, disease, external
 *       warning: Monitor; evacuation added where the plans evacuate at extreme severity).
 *       Resolved or closed: Update with urgency Past and responseType AllClear. Cancelled: Cancel
 *       with urgency Past, responseType AllClear and certainty Unlikely.
 *   <li>{@code certainty} Observed when a rule of this platform raised the incident from its own
 *       sensors (readings past a threshold, or a sensor gone silent), Likely for a warning imported
 *       from another authority (CityTwin did not observe it), Unlikely once cancelled.
 *   <li>{@code headline} the title; {@code description} the place, status, source, alarm count and
 *       readings; {@code parameter}s incidentId, alarmCount, agenciesTasked (space-separated
 *       agency codes), all as of the version.
 *   <li>{@code area}: {@code areaDesc} the place in words (by {@code placeNames}), the area as
 *       described in {@link IncidentAreas} (points become 50 m circles).
 * </ul>
 */
public final class IncidentCap {
  /** Where the Atom feed of active alerts is served, under the API's base URL. */
  public static final String FEED_PATH = "/api/incidents/feed.atom";
  private static final int READINGS_SHOWN = 5;

  private final CapPublisher publisher;
  private final Function<String, String> placeNames;

  /**
   * Describes places by their keys (e.g. {@code building/w123}), and the place of an imported
   * warning as "the area of the imported warning".
   */
  public IncidentCap(CapPublisher publisher) {
    this(publisher, key -> key.startsWith(WarningChains.PLACE_PREFIX) ? "the area of the imported warning" : key);
  }

  /**
   * @param placeNames a place key in words, e.g. {@code building/w123} to "Casino de Monte-Carlo,
   *     Monte-Carlo"; must be deterministic and never return null or blank
   */
  public IncidentCap(CapPublisher publisher, Function<String, String> placeNames) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.placeNames = Objects.requireNonNull(placeNames, "placeNames");
  }

  public CapPublisher publisher() {
    return publisher;
  }

  /** Where an incident's CAP document is served, under the API's base URL. */
  public static String capPath(String incidentId) {
    return "/api/incidents/" + incidentId + "/cap";
  }

  /** Every version of the incident's alert so far, oldest first (at least one). */
  public List<AlertVersion> versions(Incident incident) {
    return AlertVersions.of(incident, publisher);
  }

  /** The alert for the incident's current (latest) version. */
  public CapAlert alert(Incident incident) {
    List<AlertVersion> versions = versions(incident);
    AlertVersion v = versions.get(versions.size() - 1);
    CapAlert.Builder b = CapAlert.builder(v.identifier(), publisher.sender(), v.sent())
        .status(incident.exercise() ? CapStatus.EXERCISE : CapStatus.ACTUAL)
        .msgType(v.msgType())
        .scope(CapScope.PUBLIC)
        .note(note(incident, v))
        .incident(incident.id());
    for (AlertVersion earlier : versions.subList(0, versions.size() - 1)) {
      b.reference(earlier.reference(publisher.sender()));
    }
    return b.info(info(incident, v)).build();
  }

  /**
   * The Atom feed of the active incidents among {@code incidents}, newest alert first, each entry
   * linking {@code {baseUrl}}{@link #capPath} and embedding the alert; the feed itself is
   * {@code {baseUrl}}{@link #FEED_PATH}.
   *
   * @param baseUrl the public API's base, e.g. {@code https://citytwin.example}
   * @param asOf when the incident book last changed; the feed's {@code updated} is the later of it
   *     and the newest alert
   */
  public String feed(Collection<Incident> incidents, String baseUrl, Instant asOf) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    List<CapAtomFeed.Entry> entries = incidents.stream()
        .filter(Incident::isActive)
        .map(i -> new CapAtomFeed.Entry(alert(i), URI.create(base + capPath(i.id()))))
        .sorted(Comparator.comparing((CapAtomFeed.Entry e) -> e.alert().sent().toInstant()).reversed()
            .thenComparing(e -> e.alert().identifier()))
        .toList();
    OffsetDateTime updated = OffsetDateTime.ofInstant(asOf, publisher.zone());
    for (CapAtomFeed.Entry e : entries) {
      updated = e.alert().sent().isAfter(updated) ? e.alert().sent() : updated;
    }
    URI self = URI.create(base + FEED_PATH);
    return CapAtomFeed.write(new CapAtomFeed.Header(self, publisher.senderName() + ": active alerts",
        self, updated, publisher.senderName()), entries);
  }

  private static String note(Incident incident, AlertVersion v) {
    String drill = incident.exercise() ? "Exercise: a drill, not a real emergency." : null;
    String withdrawn = v.msgType() == CapMsgType.CANCEL
        ? "Withdrawn: the incident was cancelled as a false alarm or a duplicate report; disregard"
            + " the earlier alerts." : null;
    if (drill != null && withdrawn != null) {
      return drill + " " + withdrawn;
    }
    return drill != null ? drill : withdrawn;
  }

  private CapInfo info(Incident incident, AlertVersion v) {
    boolean over = !v.status().isActive();
    boolean cancelled = v.status() == IncidentStatus.CANCELLED;
    CapCertainty certainty = cancelled ? CapCertainty.UNLIKELY
        : incident.source().kind() == IncidentSource.Kind.RULE ? CapCertainty.OBSERVED : CapCertainty.LIKELY;
    CapInfo.Builder b = CapInfo.builder(eventName(incident.type()),
            over ? CapUrgency.PAST : CapUrgency.IMMEDIATE,
            CapSeverity.fromCap(v.severity().cap()).orElseThrow(), certainty)
        .language(publisher.language())
        .category(CapCategory.fromCap(incident.type().capCategory()).orElseThrow());
    List<CapResponseType> actions = over ? List.of(CapResponseType.ALL_CLEAR)
        : PublicAdvice.responseTypes(incident.type(), v.severity());
    actions.forEach(b::responseType);
    String place = placeNames.apply(incident.placeKey());
    return b.senderName(publisher.senderName())
        .headline(incident.title() == null || incident.title().isBlank()
            ? eventName(incident.type()) + " at " + place : incident.title())
        .description(description(incident, v, place))
        .instruction(cancelled ? PublicAdvice.WITHDRAWN
            : over ? PublicAdvice.ALL_CLEAR : PublicAdvice.instruction(incident.type(), v.severity()))
        .web(publisher.web() == null ? null : publisher.web() + "/api/incidents/" + incident.id())
        .parameter("incidentId", incident.id())
        .parameter("alarmCount", Long.toString(v.alarmCount()))
        .parameter("agenciesTasked", v.agencies().stream().map(Agency::code).collect(Collectors.joining(" ")))
        .area(IncidentAreas.toCap(incident.area(), place))
        .build();
  }

  /** "Gas leak" for {@code gas_leak}. */
  static String eventName(IncidentType type) {
    String words = type.code().replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private String description(Incident incident, AlertVersion v, String place) {
    StringBuilder d = new StringBuilder();
    if (incident.exercise()) {
      d.append("EXERCISE - this is a drill. ");
    }
    d.append(eventName(incident.type())).append(" at ").append(place).append(": ")
        .append(statusPhrase(v.status())).append(". Raised by ")
        .append(incident.source().kind() == IncidentSource.Kind.CAP
            ? "the CAP alert " : "rule ")
        .append(incident.source().ref()).append(" at ")
        .append(CapTime.format(
            OffsetDateTime.ofInstant(Instant.ofEpochMilli(incident.openedAtMillis()), publisher.zone())))
        .append("; ").append(v.alarmCount()).append(v.alarmCount() == 1 ? " alarm" : " alarms")
        .append(" correlated. ").append(Readings.summary(
            incident.evidence().subList(0, Math.min(v.readings(), incident.evidence().size())), READINGS_SHOWN));
    return d.toString();
  }

  private static String statusPhrase(IncidentStatus s) {
    return switch (s) {
      case OPEN -> "the response is being organised";
      case DISPATCHED -> "emergency services have been sent";
      case IN_PROGRESS -> "emergency services are at work on site";
      case RESOLVED -> "resolved, the emergency is over";
      case CLOSED -> "closed, the emergency is over";
      case CANCELLED -> "cancelled as a false alarm or a duplicate report";
    };
  }
}
