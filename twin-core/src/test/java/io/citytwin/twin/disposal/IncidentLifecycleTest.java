package io.citytwin.twin.disposal;

import static io.citytwin.twin.disposal.Alarms.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.fixture.GridCity;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand.AcknowledgeTask;
import io.citytwin.twin.incident.IncidentCommand.Cancel;
import io.citytwin.twin.incident.IncidentCommand.Close;
import io.citytwin.twin.incident.IncidentCommand.CompleteTask;
import io.citytwin.twin.incident.IncidentCommand.MarkArrived;
import io.citytwin.twin.incident.IncidentCommand.Raise;
import io.citytwin.twin.incident.IncidentCommand.Resolve;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TaskStatus;
import io.citytwin.twin.incident.TimelineEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {

  @Test
  void aFireAlarmOpensAnIncidentAndSendsTheFirePlanToEveryAgency() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));

    Incident i = desk.only();
    assertThat(i.id()).isEqualTo("INC-20261124-0001");
    assertThat(i.type()).isEqualTo(IncidentType.FIRE);
    assertThat(i.status()).isEqualTo(IncidentStatus.DISPATCHED);
    assertThat(i.alarmCount()).isEqualTo(1);
    assertThat(i.source().ref()).isEqualTo("smoke-in-building");
    List<String> planned = Desk.GRID_PLANS.tasksFor(i.type(), i.severity()).stream()
        .map(s -> s.agency().code() + ": " + s.action()).toList();
    assertThat(i.tasks().values()).extracting(t -> t.spec().agency().code() + ": " + t.spec().action())
        .containsExactlyElementsOf(planned);
    assertThat(i.tasks().keySet()).containsExactly("fire-1", "ems-1", "police-1", "traffic-1");
    assertThat(i.tasks().values()).allMatch(t -> t.status() == TaskStatus.DISPATCHED && t.dispatchedAtMillis() == T0);
    // Units go on site for agencies with bases; traffic acts from its control room.
    assertThat(i.task("fire-1").orElseThrow().assignment()).isNotNull();
    assertThat(i.task("traffic-1").orElseThrow().assignment()).isNull();
    assertThat(i.timeline()).extracting(TimelineEntry::kind).startsWith(TimelineEntry.Kind.OPENED)
        .contains(TimelineEntry.Kind.TASK_CREATED, TimelineEntry.Kind.TASK_DISPATCHED)
        .endsWith(TimelineEntry.Kind.STATUS_CHANGED);
  }

  @Test
  void theResponseRunsFromDispatchToClosedWithEveryStepOnTheTimeline() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    String id = desk.only().id();

    desk.accept(new AcknowledgeTask(id, "fire-1", Agency.FIRE, "Sgt. Rossi", Channel.MQTT, T0 + 20_000));
    Task fire = desk.task(id, "fire-1");
    assertThat(fire.status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
    assertThat(fire.ack().by()).isEqualTo("Sgt. Rossi");
    assertThat(fire.ack().channel()).isEqualTo(Channel.MQTT);
    assertThat(fire.ack().atMillis()).isEqualTo(T0 + 20_000);

    desk.accept(new MarkArrived(id, "fire-1", "FPT 1", T0 + 200_000));
    assertThat(desk.incident(id).status()).isEqualTo(IncidentStatus.IN_PROGRESS);
    desk.accept(new CompleteTask(id, "fire-1", "Sgt. Rossi", "fire out", T0 + 1_800_000));
    assertThat(desk.task(id, "fire-1").status()).isEqualTo(TaskStatus.DONE);

    desk.accept(new Resolve(id, "duty officer", "all clear", T0 + 2_000_000));
    Incident resolved = desk.incident(id);
    assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(resolved.tasks().values()).filteredOn(t -> !t.id().equals("fire-1"))
        .allSatisfy(t -> {
          assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
          assertThat(t.note()).isEqualTo("incident resolved");
        });
    assertThat(desk.state.activeIncident(IncidentType.FIRE, resolved.placeKey(), false)).isEmpty();

    desk.accept(new Close(id, "duty officer", "reviewed", T0 + 3_000_000));
    Incident closed = desk.incident(id);
    assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(closed.timeline()).extracting(TimelineEntry::kind).containsSubsequence(
        TimelineEntry.Kind.OPENED, TimelineEntry.Kind.TASK_ACKNOWLEDGED, TimelineEntry.Kind.TASK_ARRIVED,
        TimelineEntry.Kind.STATUS_CHANGED, TimelineEntry.Kind.TASK_DONE, TimelineEntry.Kind.TASK_CANCELLED,
        TimelineEntry.Kind.STATUS_CHANGED, TimelineEntry.Kind.STATUS_CHANGED);
    assertThat(closed.timeline()).extracting(TimelineEntry::atMillis).isSorted();
    assertThat(closed.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.STATUS_CHANGED)
        .extracting(TimelineEntry::text)
        .anySatisfy(t -> assertThat(t).contains("resolved").contains("all clear"))
        .anySatisfy(t -> assertThat(t).contains("closed").contains("reviewed"));
  }

  @Test
  void illegalTransitionsAreRejectedWithAReasonAndChangeNothing() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    String id = desk.only().id();
    IncidentsState before = desk.state;

    assertThat(desk.reject(new Close(id, "op", "", T0 + 1000)))
        .contains(id).contains("dispatched").contains("only an incident that is resolved can be closed");
    assertThat(desk.reject(new MarkArrived(id, "fire-1", "FPT 1", T0 + 1000)))
        .contains("fire-1").contains("acknowledge it before reporting arrival");
    assertThat(desk.reject(new CompleteTask(id, "ems-1", "x", "", T0 + 1000)))
        .contains("ems-1").contains("not been acknowledged");
    assertThat(desk.reject(new AcknowledgeTask(id, "fire-1", Agency.EMS, "x", Channel.REST, T0 + 1000)))
        .contains("belongs to fire, not ems");
    assertThat(desk.reject(new AcknowledgeTask(id, "fire-9", Agency.FIRE, "x", Channel.REST, T0 + 1000)))
        .contains("has no task 'fire-9'");
    assertThat(desk.reject(new AcknowledgeTask("INC-nope", "fire-1", Agency.FIRE, "x", Channel.REST, T0)))
        .contains("no incident 'INC-nope'");
    assertThat(desk.reject(new AcknowledgeTask(id, "fire-1", Agency.FIRE, " ", Channel.REST, T0 + 1000)))
        .contains("'by'");
    assertThat(desk.reject(new AcknowledgeTask(id, "fire-1", Agency.FIRE, "x", Channel.REST, T0 - 1)))
        .contains("before");
    assertThat(desk.reject(new MarkArrived(id, "traffic-1", "x", T0 + 1000))).contains("sends nobody on site");
    assertThat(desk.state).isEqualTo(before);

    desk.accept(new AcknowledgeTask(id, "fire-1", Agency.FIRE, "x", Channel.REST, T0 + 1000));
    assertThat(desk.reject(new CompleteTask(id, "fire-1", "x", "", T0 + 2000))).contains("its unit has not arrived");
    desk.accept(new Resolve(id, "op", "", T0 + 3000));
    assertThat(desk.reject(new Resolve(id, "op", "", T0 + 4000))).contains("is resolved");
    assertThat(desk.reject(new Cancel(id, "op", "false alarm", T0 + 4000))).contains("is resolved");
    assertThat(desk.reject(new AcknowledgeTask(id, "ems-1", Agency.EMS, "x", Channel.REST, T0 + 4000)))
        .contains("ems-1").contains("cancelled");
    desk.accept(new Close(id, "op", "", T0 + 5000));
    assertThat(desk.reject(new Close(id, "op", "", T0 + 6000))).contains("is closed");
  }

  @Test
  void anIncidentWhoseOnlyTaskWaitsForAUnitStaysOpenCanOnlyBeCancelledAndIsSentWhenAUnitFreesUp() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    desk.accept(Raise.of(Alarms.smoke(3, T0)));
    String fire1 = "INC-20261124-0001";
    // Both stations hold one engine and both are out: the gas leak's engine task must wait.
    desk.accept(Raise.of(Alarms.of(IncidentType.GAS_LEAK, GridCity.building(2), Alarms.footprint(2), T0 + 1000)));
    Incident gas = desk.incident("INC-20261124-0003");
    assertThat(gas.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(gas.task("fire-1").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);

    assertThat(desk.reject(new Resolve(gas.id(), "op", "", T0 + 2000))).contains("is open").contains("cancel it instead");
    assertThat(desk.reject(new AcknowledgeTask(gas.id(), "fire-1", Agency.FIRE, "x", Channel.REST, T0 + 2000)))
        .contains("pending");

    // The first fire is resolved: its engine is free and goes to the gas leak in the same decision.
    desk.accept(new Resolve(fire1, "op", "", T0 + 3000));
    Task waiting = desk.task(gas.id(), "fire-1");
    assertThat(waiting.status()).isEqualTo(TaskStatus.DISPATCHED);
    assertThat(waiting.assignment().unitId()).isEqualTo(desk.task(fire1, "fire-1").assignment().unitId());
    assertThat(desk.incident(gas.id()).status()).isEqualTo(IncidentStatus.DISPATCHED);

    desk.accept(new Cancel(gas.id(), "op", "false alarm", T0 + 4000));
    assertThat(desk.incident(gas.id()).status()).isEqualTo(IncidentStatus.CANCELLED);
    assertThat(desk.task(gas.id(), "fire-1").status()).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void withoutRoadDataEveryTaskIsSentAtOnceWithoutAUnitAndArrivalIsReportedByTheCrew() {
    Desk desk = new Desk(new Disposal(Desk.GRID_PLANS, io.citytwin.twin.dispatch.Dispatcher.withoutUnits(),
        DisposalSettings.DEFAULTS));
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    Incident i = desk.only();
    assertThat(i.tasks().values()).allMatch(t -> t.status() == TaskStatus.DISPATCHED && t.assignment() == null);
    assertThat(i.closedEdges()).isEmpty();
    desk.accept(new AcknowledgeTask(i.id(), "fire-1", Agency.FIRE, "x", Channel.VOICE, T0 + 1000));
    desk.accept(new MarkArrived(i.id(), "fire-1", "FPT 1", T0 + 200_000));
    assertThat(desk.incident(i.id()).status()).isEqualTo(IncidentStatus.IN_PROGRESS);
  }

  @Test
  void repeatingAStepAlreadyTakenIsAcceptedWithoutEvents() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    String id = desk.only().id();
    AcknowledgeTask ack = new AcknowledgeTask(id, "fire-1", Agency.FIRE, "Sgt. Rossi", Channel.MQTT, T0 + 5000);
    assertThat(desk.accept(ack)).hasSize(1);
    assertThat(desk.accept(ack)).isEmpty();
    assertThat(desk.accept(new AcknowledgeTask(id, "fire-1", Agency.FIRE, "other", Channel.REST, T0 + 9000))).isEmpty();
    assertThat(desk.task(id, "fire-1").ack().by()).isEqualTo("Sgt. Rossi");
    desk.accept(new MarkArrived(id, "fire-1", "FPT 1", T0 + 60_000));
    assertThat(desk.accept(new MarkArrived(id, "fire-1", "FPT 1", T0 + 61_000))).isEmpty();
  }
}
