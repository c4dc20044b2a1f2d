package io.citytwin.twin.disposal;

import static io.citytwin.twin.disposal.Alarms.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.GridCity;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand.Raise;
import io.citytwin.twin.incident.IncidentCommand.Resolve;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TimelineEntry;
import io.citytwin.twin.rule.Alarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  private static final int CAP = 20;

  /** {@code n} alarms from detectors of block 1, one every 2 s, severities drawn with a seed. */
  private static List<Alarm> storm(int n, long seed) {
    Random r = new Random(seed);
    List<Alarm> alarms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Severity s = r.nextInt(4) == 0 ? Severity.MINOR : Severity.MODERATE;
      alarms.add(Alarms.smoke(1, s, T0 + 2000L * i, 1 + r.nextInt(6), false));
    }
    return alarms;
  }

  private static Desk feed(Desk desk, List<Alarm> alarms) {
    alarms.forEach(a -> desk.accept(Raise.of(a)));
    return desk;
  }

  @Test
  void aStormOfFiftyAlarmsForOneBuildingIsOneIncidentCountingFifty() {
    List<Alarm> storm = storm(50, 7);
    Desk desk = feed(Desk.grid(CAP), storm);

    Incident i = desk.only();
    assertThat(i.alarmCount()).isEqualTo(50);
    assertThat(i.tasks()).hasSize(Desk.GRID_PLANS.tasksFor(IncidentType.FIRE, i.severity()).size());
    assertThat(i.evidence()).hasSize(CAP)
        .containsExactlyElementsOf(storm.stream().flatMap(a -> a.evidence().stream()).limit(CAP).toList());
    assertThat(i.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.RETRIGGERED).hasSize(49);
    assertThat(i.severity()).isEqualTo(storm.stream().map(Alarm::severity).reduce(Severity.MINOR, Severity::max));
  }

  @Test
  void replayingTheSameAlarmsGivesTheSameStateAndRedeliveriesChangeNothing() {
    List<Alarm> storm = storm(50, 11);
    Desk first = feed(Desk.grid(CAP), storm);
    Desk second = feed(Desk.grid(CAP), storm);
    assertThat(second.state).isEqualTo(first.state);
    assertThat(second.journal).isEqualTo(first.journal);

    IncidentsState before = first.state;
    for (Alarm a : storm) {
      assertThat(first.accept(Raise.of(a))).as("redelivered alarm at %d", a.atMillis()).isEmpty();
    }
    assertThat(first.state).isEqualTo(before);
  }

  @Test
  void differentPlacesAreDifferentIncidents() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    desk.accept(Raise.of(Alarms.smoke(2, T0 + 1000)));
    desk.accept(Raise.of(Alarms.smoke(1, T0 + 2000)));

    assertThat(desk.state.incidents()).extracting(Incident::id)
        .containsExactly("INC-20261124-0001", "INC-20261124-0002");
    assertThat(desk.state.incidents()).extracting(Incident::placeKey)
        .containsExactly(GridCity.building(1), GridCity.building(2));
    assertThat(desk.state.incidents()).extracting(Incident::alarmCount).containsExactly(2L, 1L);
  }

  @Test
  void differentTypesAtOnePlaceAreDifferentIncidentsAndRulesOfOneTypeCorrelate() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(2, T0)));
    desk.accept(Raise.of(Alarms.of(IncidentType.GAS_LEAK, GridCity.building(2), Alarms.footprint(2), T0 + 1)));
    Alarm heat = new Alarm("heat-in-building", IncidentType.FIRE, Severity.MODERATE, GridCity.building(2),
        Alarms.footprint(2), "Heat", List.of(), T0 + 2, false);
    desk.accept(Raise.of(heat));
    assertThat(desk.state.incidents()).extracting(Incident::type, Incident::alarmCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(IncidentType.FIRE, 2L),
            org.assertj.core.groups.Tuple.tuple(IncidentType.GAS_LEAK, 1L));
  }

  @Test
  void drillAndRealAlarmsNeverMerge() {
    Desk desk = Desk.grid();
    for (int i = 0; i < 6; i++) {
      boolean drill = i % 2 == 0;
      desk.accept(Raise.of(Alarms.smoke(1, Severity.MODERATE, T0 + 1000L * i, 1, drill)));
    }
    List<Incident> all = List.copyOf(desk.state.incidents());
    assertThat(all).hasSize(2);
    assertThat(all).extracting(Incident::exercise).containsExactly(true, false);
    assertThat(all).extracting(Incident::alarmCount).containsExactly(3L, 3L);
    assertThat(all.get(0).evidence()).allMatch(e -> e.timestampMillis() % 2000 == 0);
    // The drill holds the nearest engine, yet the real fire gets that same engine: drills never
    // hold back a real response.
    assertThat(all.get(1).task("fire-1").orElseThrow().assignment().unitId())
        .isEqualTo(all.get(0).task("fire-1").orElseThrow().assignment().unitId());
  }

  @Test
  void aRisingSeverityAddsTheHigherTiersTasksAndNeverFalls() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, Severity.MODERATE, T0, 1, false)));
    desk.accept(Raise.of(Alarms.smoke(1, Severity.SEVERE, T0 + 1000, 2, false)));
    desk.accept(Raise.of(Alarms.smoke(1, Severity.MINOR, T0 + 2000, 3, false)));

    Incident i = desk.only();
    assertThat(i.severity()).isEqualTo(Severity.SEVERE);
    assertThat(i.tasks().keySet()).containsExactly("fire-1", "ems-1", "police-1", "traffic-1", "fire-2", "health-1");
    assertThat(i.task("fire-2").orElseThrow().createdAtMillis()).isEqualTo(T0 + 1000);
    assertThat(i.task("fire-2").orElseThrow().spec().planId()).isEqualTo("fire-severe");
    // The second engine comes from the other station: the nearest one is already out.
    assertThat(i.task("fire-2").orElseThrow().assignment().baseId())
        .isNotEqualTo(i.task("fire-1").orElseThrow().assignment().baseId());
    assertThat(i.timeline()).extracting(TimelineEntry::text)
        .anySatisfy(t -> assertThat(t).contains("severity moderate -> severe"));
  }

  @Test
  void afterResolutionANewAlarmOpensANewIncidentButARedeliveredOneDoesNot() {
    Desk desk = Desk.grid();
    Alarm first = Alarms.smoke(1, T0);
    desk.accept(Raise.of(first));
    desk.accept(new Resolve("INC-20261124-0001", "op", "", T0 + 60_000));

    assertThat(desk.accept(Raise.of(first))).isEmpty();
    desk.accept(Raise.of(Alarms.smoke(1, T0 + 120_000)));
    assertThat(desk.state.incidents()).extracting(Incident::id, Incident::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("INC-20261124-0001", IncidentStatus.RESOLVED),
        org.assertj.core.groups.Tuple.tuple("INC-20261124-0002", IncidentStatus.DISPATCHED));
  }

  @Test
  void anImportedWarningKeepsItsCapIdentifierAsSource() {
    Desk desk = Desk.grid();
    Alarm warning = Alarms.of(IncidentType.EXTERNAL_WARNING, "district/G", GridCity.model().boundary(), T0);
    desk.accept(new Raise(warning, IncidentSource.cap("urn:oid:2.49.0.1.250.0.FR-METEO.2026.11.24")));
    assertThat(desk.only().source()).isEqualTo(IncidentSource.cap("urn:oid:2.49.0.1.250.0.FR-METEO.2026.11.24"));
    assertThat(desk.only().timeline().get(0).text()).contains("cap urn:oid:2.49.0.1.250.0.FR-METEO.2026.11.24");
  }

  @Test
  void unusableAlarmsAreRejectedWithTheReason() {
    Desk desk = Desk.grid();
    Alarm bowtie = new Alarm("r", IncidentType.FLOOD, Severity.MINOR, "district/G",
        io.citytwin.twin.fixture.FixtureCity.read("POLYGON((7.40 43.72, 7.41 43.73, 7.41 43.72, 7.40 43.73, 7.40 43.72))"),
        "", List.of(), T0, false);
    assertThat(desk.reject(Raise.of(bowtie))).contains("alarm of rule 'r'").contains("not a valid geometry");
    Alarm nowhere = new Alarm("r", IncidentType.FLOOD, Severity.MINOR, " ", Alarms.footprint(1), "", List.of(), T0, false);
    assertThat(desk.reject(Raise.of(nowhere))).contains("place key");
    assertThat(desk.state.incidents()).isEmpty();
  }
}
