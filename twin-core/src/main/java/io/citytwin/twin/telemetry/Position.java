package io.citytwin.twin.telemetry;

/**
 * A WGS84 position reported by a mobile sensor with its reading.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 */
public record Position(double lat, double lon) {

    public Position {
        if (!isLatitude(lat) || !isLongitude(lon)) {
            throw new IllegalArgumentException("not a WGS84 position: lat " + lat + ", lon " + lon);
        }
    }

    public static boolean isLatitude(double lat) {
        return lat >= -90 && lat <= 90;
    }

    public static boolean isLongitude(double lon) {
        return lon >= -180 && lon <= 180;
    }
}
