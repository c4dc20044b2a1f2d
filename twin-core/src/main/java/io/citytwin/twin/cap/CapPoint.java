package io.citytwin.twin.cap;

/**
 * A WGS84 position in CAP order: latitude first, then longitude, in decimal degrees. Any finite
 * values are accepted so a received message can be represented as sent; {@link CapRules} reports
 * values outside -90..90 / -180..180.
 */
public record CapPoint(double lat, double lon) {
  public CapPoint {
    if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
      throw new IllegalArgumentException("coordinates must be finite: lat=" + lat + " lon=" + lon);
    }
    // -0.0 and 0.0 are the same position and must compare equal after a round trip.
    lat += 0.0;
    lon += 0.0;
  }

  @Override
  public String toString() {
    return CapText.point(this);
  }
}
