package io.citytwin.twin.cap.incident;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapArea;
import io.citytwin.twin.cap.CapGeometry;
import io.citytwin.twin.cap.CapInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The area an imported alert covers: the union of the polygons and circles of all its info blocks'
 * areas, as a valid WGS84 geometry within lon -180..180 (a circle reaching across the antimeridian
 * is split and its far part wrapped round). Areas given only by geocodes (UGC, FIPS, CAP-CP
 * locations) need a gazetteer CityTwin does not have, so they add nothing. Pure.
 */
final class WarningArea {
  private static final GeometryFactory GF = new GeometryFactory();

  private WarningArea() {}

  /** The covered area; empty when no area of the alert has a polygon or circle. */
  static Optional<Geometry> of(CapAlert alert) {
    List<Geometry> parts = new ArrayList<>();
    for (CapInfo info : alert.infos()) {
      for (CapArea area : info.areas()) {
        CapGeometry.toGeometry(area).ifPresent(parts::add);
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    Geometry g = wrap(UnaryUnionOp.union(parts));
    return Optional.of(g.isValid() ? g : GeometryFixer.fix(g));
  }

  /** How many areas of the alert are described only by geocodes or words. */
  static int withoutGeometry(CapAlert alert) {
    int n = 0;
    for (CapInfo info : alert.infos()) {
      for (CapArea area : info.areas()) {
        n += area.polygons().isEmpty() && area.circles().isEmpty() ? 1 : 0;
      }
    }
    return n;
  }

  /** {@code g} folded into lon -180..180: the parts beyond ±180 moved by 360°. */
  static Geometry wrap(Geometry g) {
    Envelope e = g.getEnvelopeInternal();
    if (e.getMinX() >= -180 && e.getMaxX() <= 180) {
      return g;
    }
    List<Geometry> parts = new ArrayList<>();
    for (int turn = -1; turn <= 1; turn++) {
      Geometry world = GF.toGeometry(new Envelope(-180 + 360.0 * turn, 180 + 360.0 * turn, -90, 90));
      Geometry piece = g.intersection(world);
      if (!piece.isEmpty()) {
        parts.add(AffineTransformation.translationInstance(-360.0 * turn, 0).transform(piece));
      }
    }
    return UnaryUnionOp.union(parts);
  }

  /** The whole globe, lon -180..180, lat -90..90. */
  static Geometry world() {
    return GF.toGeometry(new Envelope(-180, 180, -90, 90));
  }
}
