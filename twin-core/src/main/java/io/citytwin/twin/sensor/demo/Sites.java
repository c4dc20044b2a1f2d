package io.citytwin.twin.sensor.demo;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.twin.telemetry.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.linearref.LengthIndexedLine;

/** Geometry helpers for siting the demo fleet: deterministic for a given {@link Random}. */
final class Sites {
  private static final int MAX_TRIES = 2_000;

  private final MetricProjection projection;

  Sites(MetricProjection projection) {
    this.projection = projection;
  }

  /** A position rounded to the 7 decimals the registry file keeps, so a re-read is identical. */
  static Position rounded(double lat, double lon) {
    return new Position(round7(lat), round7(lon));
  }

  private static double round7(double deg) {
    return Math.round(deg * 1e7) / 1e7;
  }

  /** The point halfway along a (multi)line, measured in metres. */
  Position midpoint(Geometry lineWgs84) {
    Geometry metric = projection.toMetric(lineWgs84);
    Coordinate c = new LengthIndexedLine(metric).extractPoint(metric.getLength() / 2);
    Coordinate lonLat = projection.toWgs84(c);
    return rounded(lonLat.y, lonLat.x);
  }

  /**
   * A uniformly random position in the area's envelope that {@code accept} takes (the caller
   * checks it lies where it should), or null after many misses (a sliver of an area).
   */
  static Position randomIn(Geometry areaWgs84, Random rng, Predicate<Position> accept) {
    Envelope env = areaWgs84.getEnvelopeInternal();
    for (int i = 0; i < MAX_TRIES; i++) {
      double lon = env.getMinX() + rng.nextDouble() * env.getWidth();
      double lat = env.getMinY() + rng.nextDouble() * env.getHeight();
      Position p = rounded(lat, lon);
      if (accept.test(p)) {
        return p;
      }
    }
    return null;
  }

  /** Metric distance between two positions. */
  double distanceM(Position a, Position b) {
    return projection.distanceM(a.lon(), a.lat(), b.lon(), b.lat());
  }

  /** Keeps candidates at least {@code spacingM} from each other and from {@code taken}. */
  final class Spaced {
    private final double spacingM;
    private final List<Position> taken = new ArrayList<>();

    Spaced(double spacingM) {
      this.spacingM = spacingM;
    }

    /** Takes {@code p} if it is far enough from every position taken so far. */
    boolean take(Position p) {
      for (Position t : taken) {
        if (distanceM(t, p) < spacingM) {
          return false;
        }
      }
      taken.add(p);
      return true;
    }
  }
}
