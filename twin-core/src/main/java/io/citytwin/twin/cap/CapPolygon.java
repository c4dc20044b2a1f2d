package io.citytwin.twin.cap;

import java.util.List;
import java.util.Objects;

/**
 * A CAP {@code <polygon>}: a ring of {@code lat,lon} points. CAP requires at least four points
 * with the first equal to the last (a closed ring); the record holds what was given and
 * {@link CapRules} reports violations, so an invalid received polygon can be named in an error.
 */
public record CapPolygon(List<CapPoint> points) {
  public CapPolygon {
    points = List.copyOf(Objects.requireNonNull(points, "points"));
  }

  /** A polygon of the given points, in order. */
  public static CapPolygon of(CapPoint... points) {
    return new CapPolygon(List.of(points));
  }

  /** True when there are at least four points and the first equals the last. */
  public boolean isClosedRing() {
    return points.size() >= 4 && points.get(0).equals(points.get(points.size() - 1));
  }

  @Override
  public String toString() {
    return CapText.polygon(this);
  }
}
