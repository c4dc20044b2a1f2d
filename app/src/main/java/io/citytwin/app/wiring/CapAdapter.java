package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.twin.cap.CapWriter;
import io.citytwin.twin.cap.incident.CapImport;
import io.citytwin.twin.cap.incident.CapImportResult;
import io.citytwin.twin.cap.incident.CapPublisher;
import io.citytwin.twin.cap.incident.IncidentCap;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.vertx.IncidentVerticle;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * CAP for the incident owner: each incident rendered as a CAP 1.2 alert of its current version,
 * the Atom feed of active ones, and external CAP alerts imported for the city. Warnings whose
 * area lies wholly outside the city boundary are accepted but not turned into incidents (they are
 * not this city's to act on, and no unit may be sent to a place outside it).
 */
final class CapAdapter implements IncidentVerticle.Cap {
  private final IncidentCap out;
  private final CapImport in;

  private CapAdapter(IncidentCap out, CapImport in) {
    this.out = out;
    this.in = in;
  }

  static CapAdapter of(CityTwinConfig config, CitySnapshot city) {
    CapPublisher publisher = CapPublisher.of(config.text("cap.sender"), "CityTwin operations centre, " + city.cityName())
        .withZone(ZoneId.of(config.text("cap.zone")));
    return new CapAdapter(new IncidentCap(publisher, key -> city.entity(parse(key)).map(e -> e.name()).orElse(key)),
        new CapImport(city.source().boundary()));
  }

  private static io.citytwin.twin.cim.EntityId parse(String key) {
    try {
      return io.citytwin.twin.cim.EntityId.parse(key);
    } catch (IllegalArgumentException e) {
      return io.citytwin.twin.cim.EntityId.of(io.citytwin.twin.cim.EntityType.SENSOR, "none");
    }
  }

  @Override
  public String alert(Incident incident) {
    return CapWriter.write(out.alert(incident));
  }

  @Override
  public String feed(List<Incident> incidents, String baseUrl) {
    return out.feed(incidents, baseUrl, Instant.now());
  }

  @Override
  public IncidentVerticle.Imported importAlert(byte[] xml, IncidentsState state, long nowMillis) {
    CapImportResult r = in.importDocument(xml, "CAP import", state, nowMillis);
    return new IncidentVerticle.Imported(r.commands(), r.notes(), r.kind() == CapImportResult.Kind.REJECTED);
  }
}
