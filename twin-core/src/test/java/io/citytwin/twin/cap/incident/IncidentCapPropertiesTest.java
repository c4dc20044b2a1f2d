package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapParseResult;
import io.citytwin.twin.cap.CapParser;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.cap.CapUrgency;
import io.citytwin.twin.cap.CapValidator;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.cap.incident.RandomIncidents.History;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Severity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated incidents, played through the real engine, as CAP: every one validates against the
 * OASIS schema and the CAP rules; versions chain as the spec asks (Alert, then Updates or a Cancel
 * referencing every earlier version, unique identifiers, strictly increasing {@code sent}); a
 * published version never changes while it is current; drills are Exercise; every node renders
 * the same bytes for the same state.
 */
class IncidentCapPropertiesTest {
  private static final ZoneId MONACO = ZoneId.of("Europe/Monaco");
  private static final IncidentCap CAP = new IncidentCap(
      CapPublisher.of("operations@citytwin.example", "CityTwin operations centre").withZone(MONACO)
          .withWeb("https://citytwin.example/"));
  private final CapParser parser = new CapParser();

  @Property(tries = 300, seed = "5101")
  void everyIncidentIsValidCapThatSaysWhatHappened(@ForAll("histories") History h) {
    Incident incident = h.incident();
    CapAlert alert = CAP.alert(incident);
    byte[] xml = CapWriter.writeBytes(alert);

    CapParseResult read = parser.parse(xml, incident.id());

    assertThat(read.problems()).as(new String(xml)).isEmpty();
    assertThat(CapValidator.validate(alert)).isEmpty();
    assertThat(read.alert()).contains(alert);
    assertThat(alert.status()).isEqualTo(incident.exercise() ? CapStatus.EXERCISE : CapStatus.ACTUAL);
    CapInfo info = alert.infos().get(0);
    assertThat(info.severity().cap()).isEqualTo(incident.severity().cap());
    assertThat(info.categories()).extracting(c -> c.cap()).containsExactly(incident.type().capCategory());
    assertThat(info.areas()).singleElement().satisfies(a ->
        assertThat(a.polygons().size() + a.circles().size()).isPositive());
    switch (incident.status()) {
      case CANCELLED -> {
        assertThat(alert.msgType()).isEqualTo(CapMsgType.CANCEL);
        assertThat(info.responseTypes()).containsExactly(CapResponseType.ALL_CLEAR);
      }
      case RESOLVED, CLOSED -> {
        assertThat(alert.msgType()).isEqualTo(CapMsgType.UPDATE);
        assertThat(info.responseTypes()).containsExactly(CapResponseType.ALL_CLEAR);
        assertThat(info.urgency()).isEqualTo(CapUrgency.PAST);
      }
      default -> {
        assertThat(alert.msgType()).isNotEqualTo(CapMsgType.CANCEL);
        assertThat(info.responseTypes()).isNotEmpty().doesNotContain(CapResponseType.ALL_CLEAR);
        assertThat(info.urgency()).isEqualTo(CapUrgency.IMMEDIATE);
      }
    }
    Statistics.label("type").collect(incident.type());
    Statistics.label("area").collect(h.areaKind());
    Statistics.label("ending").collect(h.ending());
    Statistics.label("exercise").collect(incident.exercise());
    Statistics.label("ending").coverage(c -> {
      for (RandomIncidents.Ending e : RandomIncidents.Ending.values()) {
        c.check(e).percentage(p -> p > 15);
      }
    });
  }

  @Property(tries = 300, seed = "5102")
  void versionsChainAsCapRequires(@ForAll("histories") History h) {
    Incident incident = h.incident();
    List<AlertVersion> versions = CAP.versions(incident);
    CapAlert alert = CAP.alert(incident);

    assertThat(versions).hasSize(expectedVersions(h.book().journal));
    assertThat(versions.get(0).msgType()).isEqualTo(CapMsgType.ALERT);
    Set<String> identifiers = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      AlertVersion v = versions.get(i);
      assertThat(v.number()).isEqualTo(i + 1);
      assertThat(identifiers.add(v.identifier())).as("unique %s", v.identifier()).isTrue();
      assertThat(v.identifier()).isEqualTo("citytwin." + incident.id() + "." + (i + 1)).doesNotContain(" ", ",");
      assertThat(v.sent().getOffset()).isEqualTo(MONACO.getRules().getOffset(v.sent().toInstant()));
      assertThat(v.sent().toInstant()).isAfterOrEqualTo(Instant.ofEpochMilli(v.atMillis()).minusMillis(999));
      if (i > 0) {
        assertThat(v.sent()).isAfter(versions.get(i - 1).sent());
        assertThat(v.msgType()).isEqualTo(
            v.status() == IncidentStatus.CANCELLED ? CapMsgType.CANCEL : CapMsgType.UPDATE);
      }
    }
    AlertVersion last = versions.get(versions.size() - 1);
    assertThat(alert.identifier()).isEqualTo(last.identifier());
    assertThat(alert.sent()).isEqualTo(last.sent());
    assertThat(alert.references()).containsExactlyElementsOf(versions.subList(0, versions.size() - 1)
        .stream().map(v -> v.reference("operations@citytwin.example")).toList());
    Statistics.label("versions").collect(Math.min(versions.size(), 4));
  }

  @Property(tries = 300, seed = "5103")
  void aVersionNeverChangesWhileItIsCurrent(@ForAll("histories") History h) {
    Map<String, CapAlert> published = new HashMap<>();
    List<AlertVersion> before = List.of();
    for (IncidentsState state : h.book().history) {
      Incident incident = state.incident(h.incidentId()).orElseThrow();
      List<AlertVersion> versions = CAP.versions(incident);
      assertThat(versions.size()).isGreaterThanOrEqualTo(before.size());
      assertThat(versions.subList(0, before.size())).as("earlier versions stay as they were").isEqualTo(before);
      CapAlert alert = CAP.alert(incident);
      CapAlert earlier = published.putIfAbsent(alert.identifier(), alert);
      if (earlier != null) {
        assertThat(alert).as("re-rendered %s", alert.identifier()).isEqualTo(earlier);
      }
      before = versions;
    }
  }

  @Property(tries = 100, seed = "5104")
  void everyNodeRendersTheSameBytesFromTheSameJournal(@ForAll("histories") History h) {
    IncidentsState replayed = IncidentsState.initial().applyAll(h.book().journal);
    Incident elsewhere = replayed.incident(h.incidentId()).orElseThrow();

    assertThat(CapWriter.writeBytes(CAP.alert(elsewhere))).isEqualTo(CapWriter.writeBytes(CAP.alert(h.incident())));
  }

  @Provide
  Arbitrary<History> histories() {
    return Arbitraries.randomValue(r -> new RandomIncidents(r).history());
  }

  /**
   * Versions as counted from the events, independently of the timeline: the opening, each
   * correlated alarm that raised the severity, each area change, each end.
   */
  private static int expectedVersions(List<IncidentEvent> journal) {
    int n = 0;
    Severity severity = null;
    for (IncidentEvent e : journal) {
      if (e instanceof IncidentEvent.IncidentOpened o) {
        n++;
        severity = o.severity();
      } else if (e instanceof IncidentEvent.AlarmCorrelated c) {
        n += c.severity().compareTo(severity) > 0 ? 1 : 0;
        severity = c.severity();
      } else if (e instanceof IncidentEvent.AreaChanged) {
        n++;
      } else if (e instanceof IncidentEvent.StatusChanged s && !s.to().isActive()) {
        n++;
      }
    }
    return n;
  }
}
