package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapArea;
import io.citytwin.twin.cap.CapCertainty;
import io.citytwin.twin.cap.CapCircle;
import io.citytwin.twin.cap.CapGeometry;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapPoint;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.cap.CapUrgency;
import io.citytwin.twin.cap.CapValidator;
import io.citytwin.twin.cap.CapValuePair;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.rule.Alarm;
import io.citytwin.twin.rule.Evidence;
import io.citytwin.twin.telemetry.Quantity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** What an incident's CAP alert says, version by version, for the cases people will look at. */
class IncidentCapTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final long T0 = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
  private static final String SENDER = "operations@citytwin.example";
  private static final IncidentCap MONACO_TIME = new IncidentCap(
      CapPublisher.of(SENDER, "Monaco operations centre").withZone(ZoneId.of("Europe/Monaco")),
      key -> key.equals("building/w1") ? "Casino de Monte-Carlo, Monte-Carlo" : key);
  private static final IncidentCap UTC = new IncidentCap(CapPublisher.of(SENDER, "Monaco operations centre"));
  /** A building footprint near the Casino, lon/lat. */
  private static final Polygon FOOTPRINT = square(7.4278, 43.7390, 0.0004);

  @Test
  void aFireGoesOutAsAnAlertThenUpdatesWhenItWorsensAndEnds() {
    Book book = new Book();
    book.accept(IncidentCommand.Raise.of(smoke("smoke-in-building", Severity.MODERATE, T0)));
    String id = book.only().id();

    CapAlert v1 = MONACO_TIME.alert(book.only());
    assertThat(v1.identifier()).isEqualTo("citytwin." + id + ".1");
    assertThat(CapWriter.write(v1)).contains("<sent>2026-11-24T10:30:00+01:00</sent>");
    assertThat(v1.msgType()).isEqualTo(CapMsgType.ALERT);
    assertThat(v1.status()).isEqualTo(CapStatus.ACTUAL);
    assertThat(v1.references()).isEmpty();
    assertThat(v1.incidents()).containsExactly(id);
    CapInfo i1 = v1.infos().get(0);
    assertThat(i1.event()).isEqualTo("Fire");
    assertThat(i1.categories()).extracting(c -> c.cap()).containsExactly("Fire");
    assertThat(i1.responseTypes()).containsExactly(CapResponseType.EVACUATE, CapResponseType.AVOID);
    assertThat(i1.urgency()).isEqualTo(CapUrgency.IMMEDIATE);
    assertThat(i1.severity()).isEqualTo(CapSeverity.MODERATE);
    assertThat(i1.certainty()).isEqualTo(CapCertainty.OBSERVED);
    assertThat(i1.headline()).isEqualTo("Smoke in the Casino (2 detectors)");
    assertThat(i1.description()).contains("Casino de Monte-Carlo, Monte-Carlo", "1 alarm correlated",
        "smoke-1 smoke 14 %obs/m", "smoke-2 smoke 11 %obs/m", "2 readings from 2 sensors");
    assertThat(i1.instruction()).contains("Leave the building");
    assertThat(i1.parameters()).containsExactly(new CapValuePair("incidentId", id),
        new CapValuePair("alarmCount", "1"), new CapValuePair("agenciesTasked", "fire ems police traffic"));
    CapArea area = i1.areas().get(0);
    assertThat(area.areaDesc()).isEqualTo("Casino de Monte-Carlo, Monte-Carlo");
    assertThat(area.polygons()).singleElement().satisfies(p -> {
      assertThat(p.isClosedRing()).isTrue();
      Coordinate first = FOOTPRINT.getExteriorRing().getCoordinateN(0);
      assertThat(p.points().get(0)).isEqualTo(new CapPoint(first.y, first.x));
    });

    book.accept(IncidentCommand.Raise.of(smoke("heat-in-building", Severity.SEVERE, T0 + 30_000)));
    CapAlert v2 = MONACO_TIME.alert(book.only());
    assertThat(v2.identifier()).isEqualTo("citytwin." + id + ".2");
    assertThat(v2.msgType()).isEqualTo(CapMsgType.UPDATE);
    assertThat(v2.references()).containsExactly(v1.asReference());
    assertThat(v2.infos().get(0).severity()).isEqualTo(CapSeverity.SEVERE);
    assertThat(v2.infos().get(0).parameters()).contains(new CapValuePair("alarmCount", "2"),
        new CapValuePair("agenciesTasked", "fire ems police traffic utilities health"));

    book.accept(IncidentCommand.Raise.of(smoke("smoke-in-building", Severity.SEVERE, T0 + 45_000)));
    assertThat(book.only().alarmCount()).isEqualTo(3);
    assertThat(MONACO_TIME.alert(book.only())).as("a repeat at the same severity is no new version")
        .isEqualTo(v2);

    book.accept(new IncidentCommand.Resolve(id, "commander", "fire out", T0 + 600_000));
    CapAlert v3 = MONACO_TIME.alert(book.only());
    assertThat(v3.msgType()).isEqualTo(CapMsgType.UPDATE);
    assertThat(v3.references()).containsExactly(v1.asReference(), v2.asReference());
    assertThat(v3.infos().get(0).responseTypes()).containsExactly(CapResponseType.ALL_CLEAR);
    assertThat(v3.infos().get(0).urgency()).isEqualTo(CapUrgency.PAST);
    assertThat(v3.infos().get(0).instruction()).startsWith("The emergency is over");

    book.accept(new IncidentCommand.Close(id, "commander", "reviewed", T0 + 3_600_000));
    CapAlert v4 = MONACO_TIME.alert(book.only());
    assertThat(v4.identifier()).endsWith(".4");
    assertThat(v4.references()).containsExactly(v1.asReference(), v2.asReference(), v3.asReference());
    for (CapAlert a : List.of(v1, v2, v3, v4)) {
      assertThat(CapValidator.validate(a)).as(a.identifier()).isEmpty();
    }
  }

  @Test
  void utcIsWrittenMinusZero() {
    Book book = new Book();
    book.accept(IncidentCommand.Raise.of(smoke("smoke-in-building", Severity.MINOR, T0)));

    assertThat(CapWriter.write(UTC.alert(book.only()))).contains("<sent>2026-11-24T09:30:00-00:00</sent>");
  }

  @Test
  void aDrillIsAnExerciseAndSaysSo() {
    Book book = new Book();
    Alarm drill = smoke("smoke-in-building", Severity.MODERATE, T0);
    book.accept(IncidentCommand.Raise.of(new Alarm(drill.ruleId(), drill.type(), drill.severity(),
        drill.placeKey(), drill.area(), drill.title(), drill.evidence(), drill.atMillis(), true)));

    CapAlert alert = UTC.alert(book.only());

    assertThat(alert.status()).isEqualTo(CapStatus.EXERCISE);
    assertThat(alert.note()).startsWith("Exercise");
    assertThat(alert.infos().get(0).description()).startsWith("EXERCISE");
    assertThat(CapValidator.validate(alert)).isEmpty();
  }

  @Test
  void aFalseAlarmIsCancelledReferencingWhatWentOut() {
    Book book = new Book();
    book.accept(IncidentCommand.Raise.of(smoke("smoke-in-building", Severity.MODERATE, T0)));
    CapAlert v1 = UTC.alert(book.only());
    book.accept(new IncidentCommand.Cancel(book.only().id(), "operator", "toaster", T0 + 200));

    CapAlert cancel = UTC.alert(book.only());

    assertThat(cancel.msgType()).isEqualTo(CapMsgType.CANCEL);
    assertThat(cancel.references()).containsExactly(v1.asReference());
    assertThat(cancel.sent()).as("a second after the alert it cancels").isEqualTo(v1.sent().plusSeconds(1));
    assertThat(cancel.note()).startsWith("Withdrawn");
    CapInfo info = cancel.infos().get(0);
    assertThat(info.certainty()).isEqualTo(CapCertainty.UNLIKELY);
    assertThat(info.responseTypes()).containsExactly(CapResponseType.ALL_CLEAR);
    assertThat(info.instruction()).contains("withdrawn");
    assertThat(CapValidator.validate(cancel)).isEmpty();
  }

  @Test
  void aSensorPointIsA50mCircle() {
    Point sensor = GF.createPoint(new Coordinate(7.4246, 43.7311));
    Incident i = raised(IncidentType.GAS_LEAK, sensor);

    CapArea area = UTC.alert(i).infos().get(0).areas().get(0);

    assertThat(area.polygons()).isEmpty();
    assertThat(area.circles()).containsExactly(CapCircle.of(43.7311, 7.4246, 0.05));
  }

  @Test
  void aRoadSegmentIsTheStripAlongIt() {
    LineString road = GF.createLineString(new Coordinate[] {
        new Coordinate(7.4200, 43.7300), new Coordinate(7.4230, 43.7310)});
    Incident i = raised(IncidentType.TRAFFIC_ACCIDENT, road);

    CapArea area = UTC.alert(i).infos().get(0).areas().get(0);

    Geometry strip = CapGeometry.toGeometry(area).orElseThrow();
    assertThat(strip.contains(road)).isTrue();
    // 25 m either side: about 0.00023° of latitude.
    assertThat(strip.getEnvelopeInternal().getMaxY() - 43.7310).isCloseTo(0.000225, within(0.00002));
  }

  @Test
  void aMixedAreaKeepsEachPartAndDropsHoles() {
    Polygon withHole = GF.createPolygon(GF.createLinearRing(square(7.42, 43.73, 0.01).getCoordinates()),
        new org.locationtech.jts.geom.LinearRing[] {
            GF.createLinearRing(square(7.422, 43.732, 0.002).getCoordinates())});
    Geometry mixed = GF.createGeometryCollection(new Geometry[] {
        withHole, GF.createPoint(new Coordinate(7.45, 43.74))});
    Incident i = raised(IncidentType.CHEMICAL_RELEASE, mixed);

    CapAlert alert = UTC.alert(i);
    CapArea area = alert.infos().get(0).areas().get(0);

    assertThat(area.polygons()).singleElement().satisfies(p -> assertThat(p.points()).hasSize(5));
    assertThat(area.circles()).containsExactly(CapCircle.of(43.74, 7.45, 0.05));
    assertThat(alert.infos().get(0).responseTypes()).containsExactly(CapResponseType.SHELTER, CapResponseType.AVOID);
    assertThat(CapValidator.validate(alert)).isEmpty();
  }

  @Test
  void versionsWithinOneSecondGetSuccessiveSentTimes() {
    Book book = new Book();
    book.accept(IncidentCommand.Raise.of(smoke("smoke-in-building", Severity.MINOR, T0 + 100)));
    String id = book.only().id();
    book.accept(new IncidentCommand.UpdateArea(id, square(7.4270, 43.7385, 0.001), "spread", T0 + 400));
    book.accept(new IncidentCommand.UpdateArea(id, square(7.4265, 43.7380, 0.002), "spread", T0 + 400));

    List<AlertVersion> versions = UTC.versions(book.only());

    assertThat(versions).extracting(v -> v.sent().toString())
        .containsExactly("2026-11-24T09:30Z", "2026-11-24T09:30:01Z", "2026-11-24T09:30:02Z");
  }

  @Test
  void anAlarmBehindThePlatformClockDoesNotTurnTimeBack() {
    Book book = new Book();
    book.accept(IncidentCommand.Raise.of(smoke("smoke-in-building", Severity.MINOR, T0)));
    String id = book.only().id();
    book.accept(new IncidentCommand.UpdateArea(id, square(7.4270, 43.7385, 0.001), "spread", T0 + 60_000));
    // Worse, and back on the footprint: two versions from one alarm 40 s behind the clock.
    book.accept(IncidentCommand.Raise.of(smoke("heat-in-building", Severity.EXTREME, T0 + 20_000)));

    List<AlertVersion> versions = UTC.versions(book.only());

    assertThat(versions).extracting(AlertVersion::severity)
        .containsExactly(Severity.MINOR, Severity.MINOR, Severity.EXTREME, Severity.EXTREME);
    assertThat(versions).extracting(v -> v.sent().toString()).containsExactly(
        "2026-11-24T09:30Z", "2026-11-24T09:31Z", "2026-11-24T09:31:01Z", "2026-11-24T09:31:02Z");
  }

  @Test
  void aWebLinkPointsAtTheIncident() {
    IncidentCap cap = new IncidentCap(CapPublisher.of(SENDER, "ops").withWeb("https://citytwin.example/"));
    Incident i = raised(IncidentType.FLOOD, FOOTPRINT);

    assertThat(cap.alert(i).infos().get(0).web()).isEqualTo("https://citytwin.example/api/incidents/" + i.id());
    assertThat(UTC.alert(i).infos().get(0).web()).isNull();
  }

  private static Incident raised(IncidentType type, Geometry area) {
    Book book = new Book();
    book.accept(IncidentCommand.Raise.of(new Alarm("rule-" + type.code(), type, Severity.MODERATE,
        "place/x", area, type.code() + " near the port", List.of(), T0, false)));
    return book.only();
  }

  private static Alarm smoke(String rule, Severity severity, long at) {
    return new Alarm(rule, IncidentType.FIRE, severity, "building/w1", FOOTPRINT,
        "Smoke in the Casino (2 detectors)", List.of(
            new Evidence("smoke-1", Quantity.SMOKE, 14.0, at - 20_000),
            new Evidence("smoke-2", Quantity.SMOKE, 11.0, at)), at, false);
  }

  private static Polygon square(double lon, double lat, double side) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(lon, lat), new Coordinate(lon + side, lat), new Coordinate(lon + side, lat + side),
        new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
  }
}
