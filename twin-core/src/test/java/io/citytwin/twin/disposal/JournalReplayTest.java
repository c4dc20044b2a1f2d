package io.citytwin.twin.disposal;

import static io.citytwin.twin.disposal.Alarms.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.incident.IncidentCommand.AcknowledgeTask;
import io.citytwin.twin.incident.IncidentCommand.Close;
import io.citytwin.twin.incident.IncidentCommand.CompleteTask;
import io.citytwin.twin.incident.IncidentCommand.MarkArrived;
import io.citytwin.twin.incident.IncidentCommand.Raise;
import io.citytwin.twin.incident.IncidentCommand.Resolve;
import io.citytwin.twin.incident.IncidentCommand.UpdateArea;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.codec.IncidentEventJson;
import io.citytwin.twin.rule.Alarm;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** What the journal owner relies on: events written as JSON lines replay to the same state. */
class JournalReplayTest {

  private static Desk busyDay() {
    Desk desk = Desk.grid(5);
    for (int i = 0; i < 12; i++) {
      desk.accept(Raise.of(Alarms.smoke(1, i == 5 ? Severity.SEVERE : Severity.MODERATE, T0 + 1000L * i, i, false)));
    }
    desk.accept(Raise.of(Alarms.smoke(3, Severity.MODERATE, T0 + 500, 1, true)));
    String fire = "INC-20261124-0001";
    var before = desk.task(fire, "fire-2").assignment();
    int middle = before.route().edges().get(before.route().edges().size() / 2);
    Geometry plume = Desk.GRID.model().roads().edges().get(middle).geometry().getCentroid().buffer(0.0003);
    desk.accept(Raise.of(new Alarm("plume", io.citytwin.twin.incident.IncidentType.CHEMICAL_RELEASE, Severity.MINOR,
        "district/G", plume, "Plume", List.of(), T0 + 20_000, false)));
    desk.accept(new UpdateArea("INC-20261124-0003", plume.buffer(0.0001), "plume model", T0 + 25_000));
    desk.accept(new AcknowledgeTask(fire, "fire-1", Agency.FIRE, "Sgt. Rossi", Channel.MQTT, T0 + 30_000));
    desk.tick(T0 + 400_000);
    desk.accept(new MarkArrived(fire, "fire-1", "FPT 1", T0 + 420_000));
    desk.accept(new CompleteTask(fire, "fire-1", "Sgt. Rossi", "out", T0 + 900_000));
    desk.tick(T0 + 2_000_000);
    desk.accept(new Resolve(fire, "op", "all clear", T0 + 2_100_000));
    desk.accept(new Close(fire, "op", "reviewed", T0 + 3_000_000));
    return desk;
  }

  @Test
  void aJournalOfJsonLinesReplaysToTheSameState() {
    Desk desk = busyDay();
    Set<Class<?>> kinds = desk.journal.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(kinds).containsAll(IncidentEventJson.TYPES.keySet());

    List<String> lines = desk.journal.stream().map(IncidentEventJson::write).toList();
    IncidentsState replayed = IncidentsState.initial();
    for (String line : lines) {
      replayed = replayed.apply(IncidentEventJson.read(line));
    }
    assertThat(replayed).isEqualTo(desk.state);
    assertThat(replayed.revision()).isEqualTo(lines.size());
  }

  @Test
  void replayingAnOverlapOfTheJournalChangesNothingAndAGapIsAnError() {
    Desk desk = busyDay();
    List<IncidentEvent> journal = desk.journal;
    IncidentsState half = IncidentsState.initial().applyAll(journal.subList(0, journal.size() / 2));
    assertThat(half.applyAll(journal)).isEqualTo(desk.state);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> IncidentsState.initial().apply(journal.get(3)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("events were lost");
  }
}
