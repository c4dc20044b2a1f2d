package io.citytwin.twin.cap.incident;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapFormatException;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapParseResult;
import io.citytwin.twin.cap.CapParser;
import io.citytwin.twin.cap.CapProblem;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.cap.CapValidator;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.rule.Alarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * CAP in: another authority's alert (e.g. a met-service flood warning) becomes incident commands
 * for the linked-disposal engine, or is ignored or rejected with the reason. Pure: the result
 * depends only on the message, the incident book and the import time; immutable and thread-safe.
 *
 * <ul>
 *   <li>Only valid CAP is read: documents go through the hardened {@link CapParser} (no DOCTYPE,
 *       so no XXE or entity expansion) and the schema and CAP rules; an invalid one is rejected
 *       with every problem.
 *   <li>Status Actual raises a real incident, Exercise a drill; Test, Draft and System messages,
 *       and msgType Ack and Error, are ignored with the reason.
 *   <li>Alert and Update raise an alarm ({@link IncidentCommand.Raise} with {@link
 *       IncidentSource#cap}): type per {@link WarningTypes} from the first info block, severity the
 *       highest of the info blocks (Unknown reads as moderate: not dismissed as minor, not enough
 *       for the severe tiers), area the union of all areas' polygons and circles, title the
 *       headline. Times are the import time ({@code nowMillis}, the platform clock), so SLAs count
 *       from when CityTwin learnt of the warning, whatever the sender's clock says.
 *   <li>Messages of one warning go to one incident ({@link WarningChains}). An incident's place
 *       key is {@code cap/{sender},{identifier}} of the first message of its chain (for an Update
 *       seen first, the earliest message it references), and every imported message is an alarm
 *       of its own rule {@code cap:{sender},{identifier}}; a message belongs to the incident whose
 *       key, or an earlier message of whose, it references (or names itself), so chains that
 *       reference all earlier messages and chains that reference only the previous one both
 *       correlate. An Update keeps the incident's type and, when it has no polygon or circle, its
 *       area.
 *   <li>An area given only by geocodes cannot be placed without a gazetteer: the incident then
 *       covers the whole jurisdiction and is raised as {@link IncidentType#EXTERNAL_WARNING}
 *       (whatever the event), whose plans prepare and inform and close no road, so no unit is sent
 *       to a guessed place.
 *   <li>With a jurisdiction, an alert whose area lies wholly outside it is ignored: CityTwin's units
 *       are not sent to another country's warning.
 *   <li>Cancel becomes {@link IncidentCommand.Cancel} of the referenced incident; an all-clear
 *       Update (every info's responseType includes AllClear) becomes {@link
 *       IncidentCommand.Resolve}, or Cancel while nothing was sent yet (the engine only resolves a
 *       dispatched incident). Either is ignored when the incident is unknown or already over.
 *   <li>A message imported before (same sender and identifier) is ignored, so a feed can be polled
 *       and redelivered freely.
 * </ul>
 */
public final class CapImport {
  /** The longest rule id, place key, source reference and actor the engine accepts. */
  static final int MAX_KEY = 200;
  static final int MAX_TITLE = 300;
  static final int MAX_NOTE = 2000;

  private final Geometry jurisdiction;
  private final CapParser parser = new CapParser();

  /**
   * An importer for a city.
   *
   * @param jurisdiction the area the platform answers for (e.g. the city boundary), WGS84 lon/lat:
   *     alerts wholly outside it are ignored, alerts placed only by geocodes cover it
   * @throws IllegalArgumentException when it is empty, invalid or not within lon -180..180, lat
   *     -90..90
   */
  public CapImport(Geometry jurisdiction) {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Envelope e = jurisdiction.getEnvelopeInternal();
    if (jurisdiction.isEmpty() || !jurisdiction.isValid() || e.getMinX() < -180 || e.getMaxX() > 180
        || e.getMinY() < -90 || e.getMaxY() > 90) {
      throw new IllegalArgumentException(
          "jurisdiction must be a non-empty valid geometry within lon -180..180, lat -90..90");
    }
    this.jurisdiction = jurisdiction;
  }

  /** An importer that takes alerts from anywhere; geocode-only alerts cover the whole globe. */
  public static CapImport worldwide() {
    return new CapImport(WarningArea.world());
  }

  public Geometry jurisdiction() {
    return jurisdiction;
  }

  /**
   * Reads a CAP 1.2 or 1.1 document and imports it.
   *
   * @param source label for messages, e.g. the feed URL
   * @param nowMillis the platform's time of the import, epoch milliseconds
   */
  public CapImportResult importDocument(byte[] xml, String source, IncidentsState state, long nowMillis) {
    requireTime(nowMillis);
    CapParseResult read;
    try {
      read = parser.parse(xml, source);
    } catch (CapFormatException e) {
      return CapImportResult.rejected(e.getMessage());
    }
    if (!read.isValid()) {
      return CapImportResult.rejected(source + " is not valid CAP: " + read.rejectionReason());
    }
    return decide(read.validAlert().orElseThrow(), state, nowMillis);
  }

  /** Imports an alert already in the model; it is validated as it would be published first. */
  public CapImportResult importAlert(CapAlert alert, IncidentsState state, long nowMillis) {
    requireTime(nowMillis);
    List<CapProblem> errors = CapValidator.validate(alert).stream().filter(CapProblem::isError).toList();
    if (!errors.isEmpty()) {
      return CapImportResult.rejected(name(alert) + " is not valid CAP: "
          + errors.stream().map(CapProblem::toString).collect(Collectors.joining("; ")));
    }
    return decide(alert, state, nowMillis);
  }

  private static void requireTime(long nowMillis) {
    if (nowMillis < 0) {
      throw new IllegalArgumentException("nowMillis must not be before 1970: " + nowMillis);
    }
  }

  private CapImportResult decide(CapAlert a, IncidentsState state, long now) {
    String what = name(a);
    switch (a.status()) {
      case TEST, DRAFT, SYSTEM -> {
        return CapImportResult.ignored(what + " has status " + a.status().cap()
            + ": only Actual and Exercise messages are warnings to act on");
      }
      default -> { }
    }
    switch (a.msgType()) {
      case ACK, ERROR -> {
        return CapImportResult.ignored(what + " is an " + a.msgType().cap()
            + " about other messages, not a warning");
      }
      default -> { }
    }
    if (a.identifier().length() > MAX_KEY) {
      return CapImportResult.rejected(what + ": the identifier is longer than " + MAX_KEY
          + " characters, the longest source reference an incident keeps");
    }
    boolean exercise = a.status() == CapStatus.EXERCISE;
    Optional<Incident> dup = WarningChains.importedInto(a, state, exercise);
    if (dup.isPresent()) {
      return CapImportResult.ignored(what + " was already imported into " + dup.get().id());
    }
    Optional<Incident> earlier = WarningChains.incidentOf(a, state, exercise);
    return switch (a.msgType()) {
      case CANCEL -> cancel(a, what, earlier, now);
      default -> a.infos().isEmpty()
          ? CapImportResult.ignored(what + " carries no <info>: there is no event to raise an incident for")
          : allClear(a) ? allClear(a, what, earlier, now) : raise(a, what, earlier, exercise, now);
    };
  }

  private static CapImportResult cancel(CapAlert a, String what, Optional<Incident> earlier, long now) {
    if (earlier.isEmpty()) {
      return CapImportResult.ignored(what + " cancels " + references(a) + ", never imported");
    }
    Incident i = earlier.get();
    if (!i.isActive()) {
      return CapImportResult.ignored(what + " cancels " + i.id() + ", which is already " + i.status().code());
    }
    String reason = "cancelled by " + a.sender() + " (" + a.identifier() + ")"
        + (a.note() == null ? "" : ": " + a.note());
    return CapImportResult.imported(
        new IncidentCommand.Cancel(i.id(), by(a), cut(reason, MAX_NOTE), now),
        List.of(what + " cancels " + i.id() + "."));
  }

  private static boolean allClear(CapAlert a) {
    return a.infos().stream().allMatch(i -> i.responseTypes().contains(CapResponseType.ALL_CLEAR));
  }

  private static CapImportResult allClear(CapAlert a, String what, Optional<Incident> earlier, long now) {
    if (earlier.isEmpty()) {
      return CapImportResult.ignored(what + " gives the all-clear for a warning that was never"
          + " imported: there is nothing to raise or end");
    }
    Incident i = earlier.get();
    if (!i.isActive()) {
      return CapImportResult.ignored(what + " gives the all-clear for " + i.id() + ", which is already "
          + i.status().code());
    }
    String note = cut("all clear from " + a.sender() + " (" + a.identifier() + ")", MAX_NOTE);
    if (i.status() == IncidentStatus.OPEN) {
      return CapImportResult.imported(new IncidentCommand.Cancel(i.id(), by(a), note, now),
          List.of(what + " gives the all-clear for " + i.id() + " before any task was sent: cancels it."));
    }
    return CapImportResult.imported(new IncidentCommand.Resolve(i.id(), by(a), note, now),
        List.of(what + " gives the all-clear for " + i.id() + ": resolves it."));
  }

  private CapImportResult raise(
      CapAlert a, String what, Optional<Incident> earlier, boolean exercise, long now) {
    CapInfo first = a.infos().get(0);
    Optional<Geometry> covered = WarningArea.of(a);
    if (covered.isPresent() && !jurisdiction.intersects(covered.get())) {
      return CapImportResult.ignored(what + " covers nothing of the jurisdiction");
    }
    Target t = target(a, what, earlier, covered, exercise);
    List<String> notes = new ArrayList<>(List.of(t.note()));
    int placeless = WarningArea.withoutGeometry(a);
    if (covered.isEmpty() && !t.continued()) {
      notes.add("No area has a polygon or circle (geocodes need a gazetteer): the incident covers the"
          + " whole jurisdiction and is an external warning, so no unit is sent to a guessed place.");
    } else if (placeless > 0) {
      notes.add(placeless + " area(s) given only by geocodes or words were left out.");
    }
    Severity severity = severity(a);
    notes.add("Severity " + severity.code() + " (CAP " + capSeverities(a) + ").");
    Alarm alarm = new Alarm(WarningChains.ruleId(a.sender(), a.identifier()), t.type(), severity,
        t.placeKey(), t.area(), cut(first.headline() != null ? first.headline() : first.event(), MAX_TITLE),
        List.of(), now, exercise);
    return CapImportResult.imported(new IncidentCommand.Raise(alarm, IncidentSource.cap(a.identifier())), notes);
  }

  /**
   * Where the alarm goes.
   *
   * @param continued whether it continues an active incident of the chain
   */
  private record Target(IncidentType type, String placeKey, Geometry area, boolean continued, String note) {}

  /**
   * The active incident of the chain, keeping its type (and its area when the message has none);
   * otherwise a new incident under the chain's key, of the message's type if it can be placed.
   */
  private Target target(
      CapAlert a, String what, Optional<Incident> earlier, Optional<Geometry> covered, boolean exercise) {
    CapInfo first = a.infos().get(0);
    IncidentType mapped = WarningTypes.typeOf(first);
    Optional<Incident> active = earlier.filter(Incident::isActive);
    if (active.isPresent()) {
      Incident i = active.get();
      return new Target(i.type(), i.placeKey(), covered.orElse(i.area()), true, what + " updates " + i.id()
          + (mapped == i.type() ? "." : " (it reads as " + mapped.code() + "; the incident stays "
              + i.type().code() + ")."));
    }
    IncidentType type = covered.isPresent() ? mapped : IncidentType.EXTERNAL_WARNING;
    String placeKey = earlier.map(Incident::placeKey)
        .orElseGet(() -> WarningChains.placeKey(WarningChains.root(a)));
    return new Target(type, placeKey, covered.orElse(jurisdiction), false, what + " raises a new "
        + (exercise ? "exercise " : "") + "incident of type " + type.code() + " (category "
        + first.categories().stream().map(c -> c.cap()).collect(Collectors.joining(",")) + ", event '"
        + first.event() + "'" + (type == mapped ? "" : ", read as " + mapped.code()) + ").");
  }

  /** The highest severity of the info blocks; CAP Unknown reads as moderate. */
  static Severity severity(CapAlert a) {
    Severity s = Severity.MINOR;
    for (CapInfo info : a.infos()) {
      s = s.max(info.severity() == CapSeverity.UNKNOWN
          ? Severity.MODERATE : Severity.fromCode(info.severity().cap()).orElseThrow());
    }
    return s;
  }

  private static String capSeverities(CapAlert a) {
    return a.infos().stream().map(i -> i.severity().cap()).distinct().collect(Collectors.joining(", "));
  }

  private static String name(CapAlert a) {
    return "CAP " + a.msgType().cap() + " " + cut(a.sender() + "," + a.identifier(), MAX_KEY);
  }

  private static String references(CapAlert a) {
    return a.references().stream().map(r -> r.sender() + "," + r.identifier())
        .collect(Collectors.joining(" "));
  }

  private static String by(CapAlert a) {
    return cut(a.sender(), MAX_KEY);
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
