package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.index.CityIndex;
import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapArea;
import io.citytwin.twin.cap.CapCategory;
import io.citytwin.twin.cap.CapCertainty;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapPoint;
import io.citytwin.twin.cap.CapPolygon;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapUrgency;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.disposal.Disposal;
import io.citytwin.twin.disposal.DisposalSettings;
import io.citytwin.twin.disposal.ResponsePlanFile;
import io.citytwin.twin.disposal.ResponsePlans;
import io.citytwin.twin.fixture.GridCity;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.rule.Alarm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Imported warnings through the engine with real road dispatch (Gridville, 2 fire stations of one
 * engine each): a warning placed only by geocodes sends nobody and closes nothing, the same
 * warning with a polygon closes the roads in it; an all-clear for a warning still waiting for a
 * unit cancels it.
 */
class CapImportDispatchTest {
  private static final long NOW = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
  private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-24T10:25:00+01:00");
  private static final ResponsePlans PLANS = plans();
  private static final CityIndex GRID = new CityIndex(GridCity.model());
  private final Book book = new Book(new Disposal(PLANS, new RoadDispatcher(GRID, PLANS.fleet()), DisposalSettings.DEFAULTS));
  private final CapImport importer = new CapImport(GridCity.model().boundary());

  @Test
  void aGeocodedFloodWarningCoversTheCitySendsNobodyAndClosesNothing() {
    CapAlert warning = Warnings.alert("fl-1", SENT, CapMsgType.ALERT)
        .info(Warnings.floodInfo(CapSeverity.SEVERE, CapResponseType.AVOID, Warnings.geocodesOnly())).build();

    book.accept(importer.importAlert(warning, book.state, NOW));

    Incident i = book.only();
    assertThat(i.type()).isEqualTo(IncidentType.EXTERNAL_WARNING);
    assertThat(i.area()).isEqualTo(GridCity.model().boundary());
    assertThat(i.closedEdges()).isEmpty();
    assertThat(i.tasks().values()).isNotEmpty().allSatisfy(t -> {
      assertThat(t.spec().onSite()).isFalse();
      assertThat(t.assignment()).isNull();
    });
    assertThat(i.status()).isEqualTo(IncidentStatus.DISPATCHED);
  }

  @Test
  void theSameWarningWithAPolygonIsAFloodClosingTheRoadsInIt() {
    CapAlert warning = Warnings.alert("fl-1", SENT, CapMsgType.ALERT)
        .info(Warnings.floodInfo(CapSeverity.SEVERE, CapResponseType.AVOID,
            CapArea.builder("Block 1").polygon(ring(GridCity.lon(1) - 0.0005, GridCity.lat(1) - 0.0005, 0.001)).build()))
        .build();

    book.accept(importer.importAlert(warning, book.state, NOW));

    Incident i = book.only();
    assertThat(i.type()).isEqualTo(IncidentType.FLOOD);
    assertThat(i.closedEdges()).isNotEmpty().hasSizeLessThan(GridCity.model().roads().edges().size());
  }

  @Test
  void anAllClearBeforeAnyUnitWasFreeCancelsTheWarning() {
    for (int k = 1; k <= 2; k++) {
      Geometry block = GridCity.model().buildings().get(k - 1).footprint();
      book.accept(IncidentCommand.Raise.of(new Alarm("gas-sniffer", IncidentType.GAS_LEAK, Severity.MINOR,
          GridCity.building(k), block, "Gas in block " + k, List.of(), NOW, false)));
    }
    CapAlert leak = Warnings.alert("gas-1", SENT, CapMsgType.ALERT)
        .info(gasLeak(CapResponseType.EVACUATE, ring(GridCity.lon(3), GridCity.lat(3), 0.0008))).build();
    book.accept(importer.importAlert(leak, book.state, NOW));
    Incident waiting = book.state.incidents().stream().filter(i -> i.id().endsWith("0003")).findFirst().orElseThrow();
    assertThat(waiting.status()).as("both engines are busy").isEqualTo(IncidentStatus.OPEN);

    CapAlert clear = Warnings.alert("gas-2", SENT.plusMinutes(5), CapMsgType.UPDATE, leak.asReference())
        .info(gasLeak(CapResponseType.ALL_CLEAR, ring(GridCity.lon(3), GridCity.lat(3), 0.0008))).build();
    CapImportResult result = importer.importAlert(clear, book.state, NOW + 300_000);
    book.accept(result);

    assertThat(result.commands()).singleElement().isInstanceOf(IncidentCommand.Cancel.class);
    assertThat(book.incident(waiting.id()).status()).isEqualTo(IncidentStatus.CANCELLED);
  }

  private static CapInfo gasLeak(CapResponseType response, CapPolygon where) {
    return CapInfo.builder("Gas leak", CapUrgency.IMMEDIATE, CapSeverity.MINOR, CapCertainty.OBSERVED)
        .category(CapCategory.SAFETY).responseType(response).area(CapArea.builder("Block 3").polygon(where).build())
        .build();
  }

  private static CapPolygon ring(double lon, double lat, double side) {
    return new CapPolygon(List.of(new CapPoint(lat, lon), new CapPoint(lat, lon + side),
        new CapPoint(lat + side, lon + side), new CapPoint(lat + side, lon), new CapPoint(lat, lon)));
  }

  private static ResponsePlans plans() {
    try (InputStream in = CapImportDispatchTest.class.getResourceAsStream("/disposal/grid-plans.json")) {
      return ResponsePlanFile.read(in, "grid-plans.json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
