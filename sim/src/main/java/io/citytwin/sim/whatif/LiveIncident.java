package io.citytwin.sim.whatif;

import java.util.Objects;

/**
 * An incident of the live platform, as far as a forecast needs it.
 *
 * @param type incident type code, e.g. {@code fire}, {@code gas_leak}
 * @param placeKey the CIM entity it is about, e.g. {@code building/w123} or {@code district/MC-CO}
 * @param lon WGS84 longitude of its centroid
 * @param lat WGS84 latitude of its centroid
 * @param exercise whether it was raised by a drill
 */
public record LiveIncident(String id, String type, String title, String placeKey, double lon, double lat, boolean exercise) {
  public LiveIncident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(placeKey, "placeKey");
  }
}
