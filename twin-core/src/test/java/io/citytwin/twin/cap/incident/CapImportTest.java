package io.citytwin.twin.cap.incident;

import static io.citytwin.twin.cap.incident.Warnings.SENT;
import static io.citytwin.twin.cap.incident.Warnings.flood;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.cap.incident.CapImportResult.Kind;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * CAP in: the real messages import into commands the engine (Monaco's plans) accepts or are
 * ignored for a stated reason, the invalid ones and XXE are rejected with the reason, and the
 * messages of one warning (updates, cancels, all-clears, repeats) land on one incident.
 */
class CapImportTest {
  private static final long NOW = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
  private final CapImport importer = CapImport.worldwide();
  private final Book book = new Book();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "australia.cap,          IMPORTED, fire,             minor",
    "wcatwc-warning.cap,     IMPORTED, external_warning, extreme",
    "earthquake.cap,         IMPORTED, external_warning, moderate",
    "weather.cap,            IMPORTED, external_warning, severe",
    "canada.cap,             IGNORED,  ,                 ",
    "no_optional_fields.cap, IGNORED,  ,                 ",
  })
  void realMessagesImportIntoAcceptedCommandsOrAreIgnoredForAReason(
      String name, Kind kind, String type, String severity) {
    CapAlert alert = Warnings.parsed(name);

    CapImportResult result = importer.importDocument(Warnings.sample(name), name, book.state, NOW);

    assertThat(result.kind()).as(result.summary()).isEqualTo(kind);
    assertThat(result.notes()).isNotEmpty().allSatisfy(n -> assertThat(n).isNotBlank());
    if (kind == Kind.IGNORED) {
      return;
    }
    book.accept(result);
    Incident i = book.only();
    assertThat(i.type()).isEqualTo(IncidentType.fromCode(type).orElseThrow());
    assertThat(i.severity()).isEqualTo(Severity.fromCode(severity).orElseThrow());
    assertThat(i.source()).isEqualTo(IncidentSource.cap(alert.identifier()));
    assertThat(i.title()).isEqualTo(CapImport.cut(alert.infos().get(0).headline(), 300));
    assertThat(i.exercise()).isFalse();
    assertThat(i.openedAtMillis()).isEqualTo(NOW);
    assertThat(i.area().isValid()).isTrue();
    assertThat(i.tasks().values()).isNotEmpty().allSatisfy(t -> assertThat(t.assignment()).isNull());
  }

  @Test
  void theSamplesSayWhyTheyAreIgnored() {
    assertThat(importer.importDocument(Warnings.sample("canada.cap"), "canada.cap", book.state, NOW).summary())
        .contains("all-clear", "never imported");
    assertThat(importer.importDocument(Warnings.sample("no_optional_fields.cap"), "x", book.state, NOW).summary())
        .contains("no <info>");
  }

  @Test
  void areasMadeOfGeocodesCoverTheJurisdictionAsAnExternalWarning() {
    CapImportResult weather = importer.importDocument(Warnings.sample("weather.cap"), "weather.cap", book.state, NOW);
    book.accept(weather);

    Incident i = book.only();
    assertThat(i.area().getEnvelopeInternal()).isEqualTo(new Envelope(-180, 180, -90, 90));
    assertThat(i.closedEdges()).isEmpty();
    assertThat(weather.summary()).contains("geocodes", "external warning");
  }

  @Test
  void aGeocodedFloodWarningIsNotSentUnitsEvenIfItSaysFlood() {
    CapAlert warning = Warnings.alert("fl-1", SENT, CapMsgType.ALERT)
        .info(Warnings.floodInfo(CapSeverity.SEVERE, CapResponseType.AVOID, Warnings.geocodesOnly())).build();

    CapImportResult result = importer.importAlert(warning, book.state, NOW);
    book.accept(result);

    assertThat(book.only().type()).isEqualTo(IncidentType.EXTERNAL_WARNING);
    assertThat(book.only().tasks().values()).extracting(t -> t.spec().onSite()).containsOnly(false);
    assertThat(result.summary()).contains("read as flood");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "canada_errors.cap, references",
    "noaa_errors.cap,   urgency",
    "invalid.cap,       scope",
  })
  void invalidMessagesAreRejectedWithTheReason(String name, String problem) {
    CapImportResult result = importer.importDocument(Warnings.sample(name), name, book.state, NOW);

    assertThat(result.kind()).isEqualTo(Kind.REJECTED);
    assertThat(result.commands()).isEmpty();
    assertThat(result.summary()).startsWith(name).contains(problem);
  }

  @Test
  void anExternalEntityIsRefusedBeforeAnythingIsRead() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";

    CapImportResult result = importer.importDocument(xxe.getBytes(StandardCharsets.UTF_8), "xxe", book.state, NOW);

    assertThat(result.kind()).isEqualTo(Kind.REJECTED);
    assertThat(result.summary()).contains("DOCTYPE").doesNotContain("root:");
  }

  @Test
  void anUpdateOfAnImportedAlertRaisesTheSameIncident() {
    CapAlert alert = flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MODERATE).build();
    book.accept(importer.importAlert(alert, book.state, NOW));
    CapAlert update = flood("fl-2", SENT.plusHours(1), CapMsgType.UPDATE, CapSeverity.SEVERE, alert.asReference())
        .build();

    CapImportResult result = importer.importAlert(update, book.state, NOW + 3_600_000);
    book.accept(result);

    Incident i = book.only();
    assertThat(i.type()).isEqualTo(IncidentType.FLOOD);
    assertThat(i.alarmCount()).isEqualTo(2);
    assertThat(i.severity()).isEqualTo(Severity.SEVERE);
    assertThat(i.tasks().values()).extracting(t -> t.spec().planId()).contains("flood-severe");
    assertThat(result.summary()).contains("updates " + i.id());
  }

  @Test
  void aChainReferencingOnlyThePreviousMessageStaysOnOneIncident() {
    CapAlert a = flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MINOR).build();
    CapAlert u1 = flood("fl-2", SENT.plusHours(1), CapMsgType.UPDATE, CapSeverity.MODERATE, a.asReference()).build();
    CapAlert u2 = flood("fl-3", SENT.plusHours(2), CapMsgType.UPDATE, CapSeverity.EXTREME, u1.asReference()).build();

    for (CapAlert m : new CapAlert[] {a, u1, u2}) {
      book.accept(importer.importAlert(m, book.state, NOW));
    }

    assertThat(book.only().alarmCount()).isEqualTo(3);
    assertThat(book.only().severity()).isEqualTo(Severity.EXTREME);
  }

  @Test
  void anUpdateSeenBeforeItsAlertOpensTheIncidentTheAlertThenJoins() {
    CapAlert a = flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MINOR).build();
    CapAlert u1 = flood("fl-2", SENT.plusHours(1), CapMsgType.UPDATE, CapSeverity.MODERATE, a.asReference()).build();

    book.accept(importer.importAlert(u1, book.state, NOW));
    book.accept(importer.importAlert(a, book.state, NOW + 1000));

    assertThat(book.only().alarmCount()).isEqualTo(2);
    assertThat(book.only().placeKey()).isEqualTo("cap/" + Warnings.MET + ",fl-1");
  }

  @Test
  void aCancelWithdrawsTheIncidentOnceAndIsIgnoredAfterwards() {
    CapAlert a = flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MODERATE).build();
    book.accept(importer.importAlert(a, book.state, NOW));
    CapAlert cancel = Warnings.alert("fl-2", SENT.plusMinutes(10), CapMsgType.CANCEL, a.asReference())
        .note("issued in error").build();

    CapImportResult result = importer.importAlert(cancel, book.state, NOW + 600_000);
    book.accept(result);

    Incident i = book.only();
    assertThat(i.status()).isEqualTo(IncidentStatus.CANCELLED);
    assertThat(i.tasks().values()).extracting(Task::note).containsOnly("incident cancelled");
    assertThat(result.commands()).singleElement().isInstanceOfSatisfying(IncidentCommand.Cancel.class,
        c -> assertThat(c.reason()).contains("issued in error"));
    CapAlert again = Warnings.alert("fl-3", SENT.plusMinutes(20), CapMsgType.CANCEL, a.asReference()).build();
    assertThat(importer.importAlert(again, book.state, NOW + 1_200_000).summary()).contains("already cancelled");
  }

  @Test
  void anAllClearResolvesTheWarningItEnds() {
    CapAlert canada = Warnings.parsed("canada.cap");
    // The first message canada.cap references, as Environment Canada would have sent it.
    CapAlert watch = CapAlert.builder("2.49.0.1.124.a3f342a4.2012", "cap@ec.gc.ca", canada.references().get(0).sent())
        .info(Warnings.withResponse(canada.infos().get(0), CapResponseType.MONITOR)).build();
    book.accept(importer.importAlert(watch, book.state, NOW));

    CapImportResult clear = importer.importDocument(Warnings.sample("canada.cap"), "canada.cap", book.state, NOW + 60_000);
    book.accept(clear);

    assertThat(clear.commands()).singleElement().isInstanceOf(IncidentCommand.Resolve.class);
    assertThat(book.only().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(importer.importDocument(Warnings.sample("canada.cap"), "canada.cap", book.state, NOW + 120_000).kind())
        .isEqualTo(Kind.IGNORED);
  }

  @Test
  void aRepeatedMessageIsImportedOnce() {
    byte[] xml = Warnings.sample("australia.cap");
    book.accept(importer.importDocument(xml, "poll 1", book.state, NOW));

    CapImportResult again = importer.importDocument(xml, "poll 2", book.state, NOW + 60_000);

    assertThat(again.kind()).isEqualTo(Kind.IGNORED);
    assertThat(again.summary()).contains("already imported into " + book.only().id());
  }

  @Test
  void anExerciseRaisesADrillThatRealMessagesDoNotTouch() {
    CapAlert drill = Warnings.withStatus(flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MODERATE).build(),
        CapStatus.EXERCISE);
    book.accept(importer.importAlert(drill, book.state, NOW));
    assertThat(book.only().exercise()).isTrue();

    CapAlert realCancel = Warnings.alert("fl-2", SENT.plusMinutes(5), CapMsgType.CANCEL, drill.asReference()).build();
    CapImportResult result = importer.importAlert(realCancel, book.state, NOW + 300_000);

    assertThat(result.kind()).isEqualTo(Kind.IGNORED);
    assertThat(book.only().isActive()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = CapStatus.class, names = {"TEST", "DRAFT", "SYSTEM"})
  void testsDraftsAndSystemMessagesAreIgnored(CapStatus status) {
    CapAlert a = Warnings.withStatus(flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.SEVERE).build(), status);

    CapImportResult result = importer.importAlert(a, book.state, NOW);

    assertThat(result.kind()).isEqualTo(Kind.IGNORED);
    assertThat(result.summary()).contains("status " + status.cap());
  }

  @ParameterizedTest
  @EnumSource(value = CapMsgType.class, names = {"ACK", "ERROR"})
  void acknowledgementsAndErrorsAreNoIncidents(CapMsgType type) {
    CapAlert a = flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.SEVERE).build();
    CapAlert reply = Warnings.alert("fl-2", SENT, type, a.asReference()).note("received").build();

    CapImportResult result = importer.importAlert(reply, book.state, NOW);

    assertThat(result.kind()).isEqualTo(Kind.IGNORED);
    assertThat(result.summary()).contains(type.cap(), "not a warning");
  }

  @Test
  void alertsOutsideTheJurisdictionAreIgnored() {
    Geometry monaco = new org.locationtech.jts.geom.GeometryFactory().toGeometry(new Envelope(7.40, 7.44, 43.72, 43.76));
    CapImport local = new CapImport(monaco);

    assertThat(local.importDocument(Warnings.sample("australia.cap"), "australia.cap", book.state, NOW).summary())
        .contains("covers nothing of the jurisdiction");
    CapImportResult fontvieille = local.importAlert(
        flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MINOR).build(), book.state, NOW);
    assertThat(fontvieille.kind()).isEqualTo(Kind.IMPORTED);
    CapImportResult geocoded = local.importAlert(Warnings.alert("fl-9", SENT, CapMsgType.ALERT)
        .info(Warnings.floodInfo(CapSeverity.MINOR, CapResponseType.AVOID, Warnings.geocodesOnly())).build(),
        book.state, NOW);
    book.accept(geocoded);
    assertThat(book.only().area()).isEqualTo(monaco);
  }

  @Test
  void aCircleAcrossTheAntimeridianIsWrappedIntoRange() {
    CapAlert aleutians = Warnings.alert("ts-1", SENT, CapMsgType.ALERT)
        .info(Warnings.floodInfo(CapSeverity.EXTREME, CapResponseType.EVACUATE, Warnings.circle(51.8, 179.5, 200)))
        .build();

    book.accept(importer.importAlert(aleutians, book.state, NOW));

    Geometry area = book.only().area();
    assertThat(area.isValid()).isTrue();
    assertThat(area.getNumGeometries()).isEqualTo(2);
    assertThat(area.getEnvelopeInternal().getMinX()).isEqualTo(-180.0);
    assertThat(area.getEnvelopeInternal().getMaxX()).isEqualTo(180.0);
  }

  @Test
  void theReaderOfAWrittenAlertIsTheSameImporter() {
    CapAlert a = flood("fl-1", SENT, CapMsgType.ALERT, CapSeverity.MODERATE).build();

    CapImportResult fromXml = importer.importDocument(CapWriter.writeBytes(a), "x", book.state, NOW);

    assertThat(fromXml).isEqualTo(importer.importAlert(a, book.state, NOW));
  }
}
