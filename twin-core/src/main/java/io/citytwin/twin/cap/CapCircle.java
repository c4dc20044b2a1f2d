package io.citytwin.twin.cap;

import java.util.Objects;

/** A CAP {@code <circle>}: a centre and a radius in kilometres (0 for a point). */
public record CapCircle(CapPoint centre, double radiusKm) {
  public CapCircle {
    Objects.requireNonNull(centre, "centre");
    if (!Double.isFinite(radiusKm)) {
      throw new IllegalArgumentException("radius must be finite: " + radiusKm);
    }
    radiusKm += 0.0;
  }

  public static CapCircle of(double lat, double lon, double radiusKm) {
    return new CapCircle(new CapPoint(lat, lon), radiusKm);
  }

  @Override
  public String toString() {
    return CapText.circle(this);
  }
}
