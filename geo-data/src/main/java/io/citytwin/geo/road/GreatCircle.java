package io.citytwin.geo.road;

/** Great-circle (haversine) distances on a spherical Earth; pure functions, thread-safe. */
public final class GreatCircle {
  /** Mean Earth radius (IUGG) in metres; the sphere's error against WGS84 is below 0.5 %. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private GreatCircle() {}

  /** Distance in metres between two WGS84 lon/lat positions given in degrees. */
  public static double distanceM(double lon1, double lat1, double lon2, double lat2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
