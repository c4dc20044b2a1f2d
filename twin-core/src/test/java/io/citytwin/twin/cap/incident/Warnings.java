package io.citytwin.twin.cap.incident;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapArea;
import io.citytwin.twin.cap.CapCategory;
import io.citytwin.twin.cap.CapCertainty;
import io.citytwin.twin.cap.CapCircle;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.cap.CapParser;
import io.citytwin.twin.cap.CapPoint;
import io.citytwin.twin.cap.CapPolygon;
import io.citytwin.twin.cap.CapReference;
import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.cap.CapUrgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/** CAP messages for import tests: the real samples, and warnings built the way authorities send them. */
final class Warnings {
  static final String MET = "warnings@meteo.example";
  static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-24T08:00:00+01:00");

  private Warnings() {}

  /** A real message from {@code src/test/resources/io/citytwin/twin/cap/samples/}. */
  static byte[] sample(String name) {
    try (InputStream in = Warnings.class.getResourceAsStream("/io/citytwin/twin/cap/samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CapAlert parsed(String name) {
    return new CapParser().parse(sample(name), name).validAlert().orElseThrow();
  }

  /** A flood warning over a small polygon at Fontvieille, Monaco. */
  static CapAlert.Builder flood(String identifier, OffsetDateTime sent, CapMsgType type, CapSeverity severity,
      CapReference... references) {
    return alert(identifier, sent, type, references).info(floodInfo(severity, CapResponseType.AVOID,
        CapArea.builder("Fontvieille").polygon(fontvieille()).build()));
  }

  static CapAlert.Builder alert(String identifier, OffsetDateTime sent, CapMsgType type,
      CapReference... references) {
    CapAlert.Builder b = CapAlert.builder(identifier, MET, sent).msgType(type);
    for (CapReference r : references) {
      b.reference(r);
    }
    return b;
  }

  static CapInfo floodInfo(CapSeverity severity, CapResponseType response, CapArea area) {
    return CapInfo.builder("Flood Warning", CapUrgency.EXPECTED, severity, CapCertainty.LIKELY)
        .category(CapCategory.MET).responseType(response)
        .headline("Flood warning for Fontvieille").area(area).build();
  }

  /** A ring around the Fontvieille quarter, lat,lon. */
  static CapPolygon fontvieille() {
    return new CapPolygon(List.of(new CapPoint(43.7260, 7.4150), new CapPoint(43.7260, 7.4210),
        new CapPoint(43.7310, 7.4210), new CapPoint(43.7310, 7.4150), new CapPoint(43.7260, 7.4150)));
  }

  static CapArea geocodesOnly() {
    return CapArea.builder("Alpes-Maritimes coast").geocode("EMMA_ID", "FR-06").build();
  }

  static CapArea circle(double lat, double lon, double km) {
    return CapArea.builder("around " + lat + "," + lon).circle(CapCircle.of(lat, lon, km)).build();
  }

  /** The same event, place and text, recommending {@code response} instead. */
  static CapInfo withResponse(CapInfo i, CapResponseType response) {
    CapInfo.Builder b = CapInfo.builder(i.event(), CapUrgency.EXPECTED, i.severity(), i.certainty())
        .language(i.language()).headline(i.headline()).description(i.description()).responseType(response);
    i.categories().forEach(b::category);
    i.areas().forEach(b::area);
    return b.build();
  }

  static CapAlert withStatus(CapAlert a, CapStatus status) {
    CapAlert.Builder b = CapAlert.builder(a.identifier(), a.sender(), a.sent()).status(status)
        .msgType(a.msgType()).note(a.note());
    a.references().forEach(b::reference);
    a.infos().forEach(b::info);
    return b.build();
  }
}
