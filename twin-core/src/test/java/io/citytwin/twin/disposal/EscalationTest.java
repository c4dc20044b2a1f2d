package io.citytwin.twin.disposal;

import static io.citytwin.twin.disposal.Alarms.T0;
import static io.citytwin.twin.disposal.Desk.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.incident.EscalationRole;
import io.citytwin.twin.incident.IncidentCommand.AcknowledgeTask;
import io.citytwin.twin.incident.IncidentCommand.MarkArrived;
import io.citytwin.twin.incident.IncidentCommand.Raise;
import io.citytwin.twin.incident.IncidentCommand.Resolve;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentEvent.ArrivalOverdue;
import io.citytwin.twin.incident.IncidentEvent.TaskEscalated;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TimelineEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA semantics: deadlines count from the task's creation; ticks decide, nothing else does. */
class EscalationTest {
  private static final String ID = "INC-20261124-0001";

  private static Desk fire() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    return desk;
  }

  private static List<TaskEscalated> escalationsOf(List<IncidentEvent> events, String taskId) {
    return ofType(events, TaskEscalated.class).stream().filter(e -> e.taskId().equals(taskId)).toList();
  }

  @Test
  void anAcknowledgementBeforeTheSlaMeansNoEscalationEver() {
    Desk desk = fire();
    Task fire = desk.task(ID, "fire-1");
    desk.accept(new AcknowledgeTask(ID, "fire-1", Agency.FIRE, "Sgt. Rossi", Channel.MQTT, fire.ackDeadlineMillis() - 1));
    for (long t = T0; t <= T0 + Duration.ofHours(2).toMillis(); t += 15_000) {
      assertThat(escalationsOf(desk.tick(t), "fire-1")).isEmpty();
    }
    assertThat(desk.task(ID, "fire-1").escalationLevel()).isZero();
  }

  @Test
  void anUnacknowledgedTaskEscalatesAtExactlyItsSlaThenToTheCommander() {
    Desk desk = fire();
    Task ems = desk.task(ID, "ems-1");
    long level1 = ems.createdAtMillis() + ems.spec().ackWithin().plus(ems.spec().escalation().get(0).after()).toMillis();
    long level2 = level1 + ems.spec().escalation().get(1).after().toMillis();
    assertThat(ems.escalationDeadlineMillis(1)).isEqualTo(level1);

    assertThat(escalationsOf(desk.tick(level1 - 1), "ems-1")).isEmpty();
    List<TaskEscalated> first = escalationsOf(desk.tick(level1), "ems-1");
    assertThat(first).singleElement().satisfies(e -> {
      assertThat(e.level()).isEqualTo(1);
      assertThat(e.to()).isEqualTo(EscalationRole.DUTY_SUPERVISOR);
      assertThat(e.missedDeadlineMillis()).isEqualTo(level1);
      assertThat(e.atMillis()).isEqualTo(level1);
    });
    assertThat(escalationsOf(desk.tick(level1), "ems-1")).isEmpty();
    assertThat(escalationsOf(desk.tick(level2 - 1), "ems-1")).isEmpty();
    assertThat(escalationsOf(desk.tick(level2), "ems-1")).singleElement().satisfies(e -> {
      assertThat(e.level()).isEqualTo(2);
      assertThat(e.to()).isEqualTo(EscalationRole.OPERATIONS_COMMANDER);
      assertThat(e.missedDeadlineMillis()).isEqualTo(level2);
    });
    assertThat(escalationsOf(desk.tick(level2 + Duration.ofHours(1).toMillis()), "ems-1")).isEmpty();

    assertThat(desk.incident(ID).timeline())
        .filteredOn(e -> e.kind() == TimelineEntry.Kind.TASK_ESCALATED && "ems-1".equals(e.taskId()))
        .extracting(TimelineEntry::atMillis, TimelineEntry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(level1,
                "ems-1 escalated to level 1 (duty_supervisor): not acknowledged by " + java.time.Instant.ofEpochMilli(level1)),
            org.assertj.core.groups.Tuple.tuple(level2,
                "ems-1 escalated to level 2 (operations_commander): not acknowledged by " + java.time.Instant.ofEpochMilli(level2)));
  }

  @Test
  void withoutADelayLevelOneFiresAtExactlyTheAcknowledgementSla() {
    Desk desk = fire();
    Task fire = desk.task(ID, "fire-1");
    assertThat(fire.spec().escalation().get(0).after()).isZero();
    long sla = T0 + fire.spec().ackWithin().toMillis();
    assertThat(escalationsOf(desk.tick(sla - 1), "fire-1")).isEmpty();
    assertThat(escalationsOf(desk.tick(sla), "fire-1")).singleElement()
        .satisfies(e -> assertThat(e.missedDeadlineMillis()).isEqualTo(sla));
  }

  @Test
  void aLateTickCatchesUpEveryLevelDueInOrderEachWithItsOwnDeadline() {
    Desk desk = fire();
    Task fire = desk.task(ID, "fire-1");
    List<TaskEscalated> both = escalationsOf(desk.tick(T0 + Duration.ofHours(1).toMillis()), "fire-1");
    assertThat(both).extracting(TaskEscalated::level, TaskEscalated::missedDeadlineMillis).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, fire.escalationDeadlineMillis(1)),
        org.assertj.core.groups.Tuple.tuple(2, fire.escalationDeadlineMillis(2)));
    assertThat(desk.task(ID, "fire-1").escalationLevel()).isEqualTo(2);
  }

  @Test
  void aChainOfOneLevelStopsThere() {
    Desk desk = fire();
    Task police = desk.task(ID, "police-1");
    assertThat(police.spec().escalation()).hasSize(1);
    assertThat(escalationsOf(desk.tick(T0 + Duration.ofDays(1).toMillis()), "police-1")).hasSize(1);
  }

  @Test
  void anAcknowledgementAfterLevelOneStopsTheChain() {
    Desk desk = fire();
    Task fire = desk.task(ID, "fire-1");
    desk.tick(fire.escalationDeadlineMillis(1));
    desk.accept(new AcknowledgeTask(ID, "fire-1", Agency.FIRE, "supervisor", Channel.VOICE, fire.escalationDeadlineMillis(1) + 1));
    assertThat(escalationsOf(desk.tick(fire.escalationDeadlineMillis(2)), "fire-1")).isEmpty();
    assertThat(desk.task(ID, "fire-1").escalationLevel()).isEqualTo(1);
  }

  @Test
  void aMissedArrivalIsRecordedOnceAndAnArrivalInTimeIsNot() {
    Desk desk = fire();
    Task fire = desk.task(ID, "fire-1");
    Task police = desk.task(ID, "police-1");
    desk.accept(new AcknowledgeTask(ID, "fire-1", Agency.FIRE, "x", Channel.MQTT, T0 + 10_000));
    desk.accept(new AcknowledgeTask(ID, "police-1", Agency.POLICE, "x", Channel.MQTT, T0 + 10_000));
    desk.accept(new MarkArrived(ID, "police-1", "patrol 4", police.arrivalDeadlineMillis().getAsLong() - 1));

    long deadline = fire.arrivalDeadlineMillis().getAsLong();
    assertThat(deadline).isEqualTo(T0 + fire.spec().arriveWithin().toMillis());
    assertThat(ofType(desk.tick(deadline - 1), ArrivalOverdue.class)).noneMatch(e -> e.taskId().equals("fire-1"));
    assertThat(ofType(desk.tick(deadline), ArrivalOverdue.class))
        .filteredOn(e -> e.taskId().equals("fire-1")).singleElement()
        .satisfies(e -> assertThat(e.deadlineMillis()).isEqualTo(deadline));
    assertThat(ofType(desk.tick(deadline + 3_600_000), ArrivalOverdue.class)).noneMatch(e -> e.taskId().equals("fire-1"));
    assertThat(desk.task(ID, "fire-1").arrivalOverdue()).isTrue();
    assertThat(desk.task(ID, "police-1").arrivalOverdue()).isFalse();
    assertThat(desk.incident(ID).timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.ARRIVAL_OVERDUE)
        .extracting(TimelineEntry::taskId).doesNotContain("police-1").contains("fire-1");
  }

  @Test
  void aResolvedIncidentNoLongerEscalates() {
    Desk desk = fire();
    desk.accept(new Resolve(ID, "op", "", T0 + 1000));
    assertThat(ofType(desk.tick(T0 + Duration.ofDays(1).toMillis()), TaskEscalated.class)).isEmpty();
  }

  @Test
  void aTaskWaitingForAUnitEscalatesToo() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    desk.accept(Raise.of(Alarms.smoke(3, T0)));
    desk.accept(Raise.of(Alarms.of(IncidentType.GAS_LEAK, "building/w22", Alarms.footprint(2), T0)));
    String gas = "INC-20261124-0003";
    Task waiting = desk.task(gas, "fire-1");
    assertThat(waiting.assignment()).isNull();
    List<TaskEscalated> e = escalationsOf(desk.tick(waiting.escalationDeadlineMillis(1)), "fire-1").stream()
        .filter(x -> x.incidentId().equals(gas)).toList();
    assertThat(e).singleElement().satisfies(x -> assertThat(x.level()).isEqualTo(1));
  }
}
