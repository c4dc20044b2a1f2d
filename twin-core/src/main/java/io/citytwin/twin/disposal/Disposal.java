package io.citytwin.twin.disposal;

import io.citytwin.twin.dispatch.Dispatcher;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentsState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The linked-disposal engine: decides {@link IncidentCommand}s against the {@link IncidentsState}
 * into events, using the city's {@link ResponsePlans} and a {@link Dispatcher}. Pure: the result
 * depends only on the state, the command (which carries its own time) and this engine's
 * configuration; nothing is applied, and there is no clock or timer inside. The owner applies the
 * accepted events ({@link IncidentsState#applyAll}), journals them, and sends a {@link
 * IncidentCommand.Tick} now and then (e.g. every second) so that escalations fire.
 *
 * <p>Every decision ends with the engine's reactions: when closures changed, units whose road
 * ahead is now closed are re-planned; tasks waiting for a unit are dispatched if one is free and
 * can reach the site (most severe incident first); incident statuses follow their tasks.
 *
 * <p>Immutable and thread-safe, but decisions must be applied one at a time in order (each one's
 * sequence numbers follow the state it was decided on). CPU-bound: routing can take milliseconds.
 */
public final class Disposal {
  /** Who automatic status changes are attributed to. */
  public static final String SYSTEM = "system";

  /** The outcome of deciding a command. */
  public sealed interface Decision {
    /**
     * The command is accepted; {@code events} (possibly none, e.g. a repeated acknowledgement or a
     * redelivered alarm) are to be applied in order.
     */
    record Accepted(List<IncidentEvent> events) implements Decision {
      public Accepted {
        events = List.copyOf(events);
      }
    }

    /** Refused, with a reason naming the incident, task and problem; the state stays as it is. */
    record Rejected(String reason) implements Decision {}

    /** The events to apply: those of an acceptance, none for a rejection. */
    default List<IncidentEvent> events() {
      return this instanceof Accepted a ? a.events() : List.of();
    }
  }

  private final ResponsePlans plans;
  private final Dispatcher dispatcher;
  private final DisposalSettings settings;

  public Disposal(ResponsePlans plans, Dispatcher dispatcher, DisposalSettings settings) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public ResponsePlans plans() {
    return plans;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public DisposalSettings settings() {
    return settings;
  }

  /** Decides one command against {@code state}. */
  public Decision decide(IncidentsState state, IncidentCommand command) {
    Batch b = new Batch(state);
    Map<String, List<Integer>> closuresBefore = closures(state);
    try {
      primary(b, command);
    } catch (Refused r) {
      return new Decision.Rejected(r.getMessage());
    }
    Reactions.run(this, b, command.atMillis(), !closures(b.state()).equals(closuresBefore));
    return new Decision.Accepted(b.events());
  }

  /** Same as deciding {@code new Tick(nowMillis)}: escalations due at {@code nowMillis}. */
  public List<IncidentEvent> tick(IncidentsState state, long nowMillis) {
    return decide(state, new IncidentCommand.Tick(nowMillis)).events();
  }

  private void primary(Batch b, IncidentCommand command) {
    if (command instanceof IncidentCommand.Raise r) {
      Correlation.raise(this, b, r);
    } else if (command instanceof IncidentCommand.AcknowledgeTask a) {
      Lifecycle.acknowledge(b, a);
    } else if (command instanceof IncidentCommand.MarkArrived a) {
      Lifecycle.arrive(b, a);
    } else if (command instanceof IncidentCommand.CompleteTask c) {
      Lifecycle.complete(b, c);
    } else if (command instanceof IncidentCommand.Resolve r) {
      Lifecycle.resolve(b, r);
    } else if (command instanceof IncidentCommand.Close c) {
      Lifecycle.close(b, c);
    } else if (command instanceof IncidentCommand.Cancel c) {
      Lifecycle.cancel(b, c);
    } else if (command instanceof IncidentCommand.UpdateArea u) {
      Lifecycle.updateArea(this, b, u);
    } else {
      Escalation.tick(b, command.atMillis());
    }
  }

  /** Closed edges of every active incident: a change means routes may need re-planning. */
  private static Map<String, List<Integer>> closures(IncidentsState state) {
    Map<String, List<Integer>> m = new LinkedHashMap<>();
    for (Incident i : state.activeIncidents()) {
      if (!i.closedEdges().isEmpty()) {
        m.put(i.id(), i.closedEdges());
      }
    }
    return m;
  }
}
