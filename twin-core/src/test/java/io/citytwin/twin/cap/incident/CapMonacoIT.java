package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapValidator;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.cap.incident.CapImportResult.Kind;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.disposal.Disposal;
import io.citytwin.twin.disposal.DisposalSettings;
import io.citytwin.twin.fixture.MonacoSnapshot;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.Task;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CAP in and out on the real Monaco, its response plans and road dispatch: every real sample is
 * imported or ignored for a reason and what is imported is accepted without sending a unit to a
 * guessed place; a met-service flood warning over Fontvieille becomes a flood with units routed
 * to it and roads closed, and goes back out as valid CAP that another node reads as the same.
 */
class CapMonacoIT {
  private static final long NOW = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
  private static CityModel monaco;
  private static Disposal engine;
  private static CapImport importer;

  @BeforeAll
  static void load() {
    monaco = MonacoSnapshot.get().source();
    CityIndex index = new CityIndex(monaco);
    engine = new Disposal(Book.MONACO, new RoadDispatcher(index, Book.MONACO.fleet()), DisposalSettings.DEFAULTS);
    importer = new CapImport(monaco.boundary());
  }

  @ParameterizedTest
  @ValueSource(strings = {"canada.cap", "australia.cap", "wcatwc-warning.cap", "earthquake.cap", "weather.cap",
      "no_optional_fields.cap"})
  void everyRealMessageIsImportedOrIgnoredAndNothingIsRoutedToAGuess(String name) {
    Book book = new Book(engine);

    CapImportResult result = importer.importDocument(Warnings.sample(name), name, book.state, NOW);

    assertThat(result.kind()).as(result.summary()).isNotEqualTo(Kind.REJECTED);
    if (result.kind() == Kind.IMPORTED) {
      book.accept(result);
      Incident i = book.only();
      assertThat(i.type()).isEqualTo(IncidentType.EXTERNAL_WARNING);
      assertThat(i.area()).isEqualTo(monaco.boundary());
      assertThat(i.closedEdges()).isEmpty();
      assertThat(i.tasks().values()).isNotEmpty().extracting(Task::assignment).containsOnlyNulls();
    }
  }

  @Test
  void aFloodWarningOverFontvieilleRoutesUnitsClosesRoadsAndGoesBackOutAsValidCap() {
    Book book = new Book(engine);
    CapAlert warning = Warnings.flood("fl-1", Warnings.SENT, CapMsgType.ALERT, CapSeverity.MODERATE).build();

    book.accept(importer.importAlert(warning, book.state, NOW));

    Incident flood = book.only();
    assertThat(flood.type()).isEqualTo(IncidentType.FLOOD);
    assertThat(flood.severity()).isEqualTo(Severity.MODERATE);
    assertThat(flood.closedEdges()).isNotEmpty();
    Task engineTask = flood.tasks().values().stream().filter(t -> t.spec().agency() == Agency.FIRE)
        .findFirst().orElseThrow();
    assertThat(engineTask.assignment()).isNotNull();
    assertThat(engineTask.assignment().route().lengthM()).isPositive();

    IncidentCap cap = new IncidentCap(CapPublisher.of("operations@citytwin.example", "Monaco operations centre")
        .withZone(ZoneId.of("Europe/Monaco")));
    CapAlert out = cap.alert(flood);
    assertThat(CapValidator.validate(out)).isEmpty();
    Book peer = new Book(engine);
    peer.accept(importer.importDocument(CapWriter.writeBytes(out), "peer", peer.state, NOW + 1000));
    assertThat(peer.only().type()).isEqualTo(IncidentType.FLOOD);
    assertThat(peer.only().area().equalsExact(flood.area(), 1e-12)).isTrue();
  }
}
