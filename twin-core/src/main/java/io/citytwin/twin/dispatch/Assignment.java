package io.citytwin.twin.dispatch;

import java.util.Objects;

/**
 * A unit sent to a site: who, from where, by which road, arriving when.
 *
 * @param unitId the unit ({@link Unit#id()})
 * @param baseId its base POI
 * @param baseName its base's name (may be empty)
 * @param plannedAtMillis when this plan was made, epoch milliseconds
 * @param startDelayS seconds after {@code plannedAtMillis} at which the unit is at the route's
 *     first node: the remaining turnout for a unit at its base, or the time to finish the road it is
 *     on for a unit re-routed while driving
 * @param route the drive from that node to the site
 * @param etaMillis estimated arrival: planned time + start delay + travel time, epoch milliseconds
 */
public record Assignment(
    String unitId, String baseId, String baseName, long plannedAtMillis, double startDelayS,
    RoutePlan route, long etaMillis) {

  public Assignment {
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(baseId, "baseId");
    Objects.requireNonNull(baseName, "baseName");
    Objects.requireNonNull(route, "route");
    if (!(startDelayS >= 0) || Double.isInfinite(startDelayS)) {
      throw new IllegalArgumentException("start delay must be finite and >= 0, was " + startDelayS);
    }
  }

  /** Arrival time for a plan made at {@code plannedAtMillis}, rounded to the millisecond. */
  public static long eta(long plannedAtMillis, double startDelayS, double travelTimeS) {
    return plannedAtMillis + Math.round((startDelayS + travelTimeS) * 1000);
  }
}
