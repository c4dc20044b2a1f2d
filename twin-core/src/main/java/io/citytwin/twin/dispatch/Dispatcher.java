package io.citytwin.twin.dispatch;

import io.citytwin.twin.agency.Agency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Chooses units for on-site tasks and says which roads an incident closes: the port the
 * linked-disposal engine calls while deciding commands. Implementations must be deterministic
 * (same inputs, same answer), so that deciding the same commands replays to the same events, and
 * safe to call from any thread. {@link RoadDispatcher} routes on the city's road graph.
 */
public interface Dispatcher {

  /** Whether tasks of this agency get a unit from a base (otherwise they are sent unit-less). */
  boolean dispatchesUnits(Agency agency);

  /**
   * Road edges closed by an incident with this area and place under {@code rule}, ascending.
   *
   * @param placeKey the incident's place, e.g. {@code road/w123} (see {@link ClosureRule.Mode})
   */
  List<Integer> closedEdges(Geometry area, String placeKey, ClosureRule rule);

  /**
   * The agency's unit that reaches {@code site} soonest by road, avoiding {@code closedEdges},
   * among units not in {@code unavailable}; empty when none is free or none can reach the site.
   *
   * @param site the incident area (WGS84); units drive to the road node nearest its interior
   * @param atMillis dispatch time, the start of the unit's turnout
   */
  Optional<Assignment> assign(
      Agency agency, Geometry site, Set<String> unavailable, Set<Integer> closedEdges, long atMillis);

  /**
   * A new plan for a unit on its way when the part of its route still ahead at {@code atMillis}
   * crosses a closed edge: the soonest arrival among that unit (continuing from where it is, by
   * elapsed time along its route) and the free units of the agency (from their bases, with
   * turnout). Empty when the road ahead is open, or when nobody can reach the site any more (the
   * current plan then stands).
   */
  Optional<Assignment> replan(
      Agency agency, Assignment current, Geometry site, Set<String> unavailable,
      Set<Integer> closedEdges, long atMillis);

  /** A dispatcher for a city without road data: no agency has units, nothing closes roads. */
  static Dispatcher withoutUnits() {
    return new Dispatcher() {
      @Override
      public boolean dispatchesUnits(Agency agency) {
        return false;
      }

      @Override
      public List<Integer> closedEdges(Geometry area, String placeKey, ClosureRule rule) {
        return List.of();
      }

      @Override
      public Optional<Assignment> assign(
          Agency agency, Geometry site, Set<String> unavailable, Set<Integer> closedEdges,
          long atMillis) {
        return Optional.empty();
      }

      @Override
      public Optional<Assignment> replan(
          Agency agency, Assignment current, Geometry site, Set<String> unavailable,
          Set<Integer> closedEdges, long atMillis) {
        return Optional.empty();
      }
    };
  }
}
