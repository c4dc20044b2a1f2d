package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.road.GreatCircle;
import io.citytwin.twin.cap.CapCircle;
import io.citytwin.twin.cap.CapGeometry;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.cap.incident.RandomIncidents.AreaKind;
import io.citytwin.twin.cap.incident.RandomIncidents.Ending;
import io.citytwin.twin.cap.incident.RandomIncidents.History;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * An active incident published as CAP and imported by another CityTwin comes back as the same
 * incident: type, severity, drill flag, and area (exact for polygons to the last written digit;
 * a point as the 50 m circle around it; a line as the 25 m strip along it).
 */
class IncidentCapRoundTripTest {
  private static final IncidentCap CAP = new IncidentCap(CapPublisher.of("operations@citytwin.example", "Ops"));
  private final CapImport importer = CapImport.worldwide();

  @Property(tries = 300, seed = "5201")
  void anIncidentComesBackAsItWent(@ForAll("activeIncidents") History h) {
    Incident sent = h.incident();
    byte[] xml = CapWriter.writeBytes(CAP.alert(sent));
    Book other = new Book();

    other.accept(importer.importDocument(xml, "peer", other.state, sent.updatedAtMillis()));

    Incident back = other.only();
    assertThat(back.type()).isEqualTo(sent.type());
    assertThat(back.severity()).isEqualTo(sent.severity());
    assertThat(back.exercise()).isEqualTo(sent.exercise());
    assertThat(back.source()).isEqualTo(IncidentSource.cap(CAP.alert(sent).identifier()));
    assertSameArea(h.areaKind(), sent.area(), back.area());
    Statistics.label("area").collect(h.areaKind());
    Statistics.label("type").collect(sent.type());
  }

  private static void assertSameArea(AreaKind kind, Geometry sent, Geometry back) {
    switch (kind) {
      case POLYGON, MULTIPOLYGON -> assertThat(DiscreteHausdorffDistance.distance(sent, back)).isLessThan(1e-9);
      case POINT -> assertCircle((Point) sent, back);
      case LINE -> {
        MetricProjection utm = MetricProjection.utmFor(sent.getCentroid().getX(), sent.getCentroid().getY());
        Geometry line = utm.toMetric(sent);
        Geometry strip = utm.toMetric(back);
        assertThat(strip.covers(line)).isTrue();
        for (Coordinate c : strip.getCoordinates()) {
          assertThat(line.distance(line.getFactory().createPoint(c))).isCloseTo(25, within(0.5));
        }
      }
      case MIXED -> {
        // Parts within 50 m of each other merge: the CAP area is the union of its parts.
        Point point = (Point) sent.getGeometryN(1);
        Geometry expected = sent.getGeometryN(0).union(
            CapGeometry.circle(CapCircle.of(point.getY(), point.getX(), 0.05)));
        assertThat(DiscreteHausdorffDistance.distance(expected, back)).isLessThan(1e-9);
        assertThat(back.getArea()).isCloseTo(expected.getArea(), within(expected.getArea() * 1e-9));
      }
    }
  }

  /** The 50 m circle around the point: it contains the point and every vertex is 50 m from it. */
  private static void assertCircle(Point centre, Geometry back) {
    assertThat(back.contains(centre)).isTrue();
    for (Coordinate c : back.getCoordinates()) {
      assertThat(GreatCircle.distanceM(centre.getX(), centre.getY(), c.x, c.y)).isCloseTo(50, within(0.01));
    }
  }

  @Provide
  Arbitrary<History> activeIncidents() {
    return Arbitraries.randomValue(r -> new RandomIncidents(r).history(Ending.ACTIVE));
  }
}
