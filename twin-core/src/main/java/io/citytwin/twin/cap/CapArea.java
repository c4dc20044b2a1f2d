package io.citytwin.twin.cap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CAP {@code <area>}: the place an {@link CapInfo} applies to, as any mix of polygons, circles
 * and geocodes (e.g. {@code FIPS6}, {@code UGC}, {@code profile:CAP-CP:Location:0.3}). The whole
 * area is the union of its parts. {@link CapGeometry} turns it into JTS geometry.
 *
 * @param areaDesc the area in words
 * @param polygons closed rings of {@code lat,lon} points (rules: {@link CapPolygon})
 * @param circles centres and radii in km
 * @param geocodes coded areas
 * @param altitude the altitude of the area, or its floor when {@code ceiling} is given, in feet
 *     above mean sea level (WGS84 datum); or null
 * @param ceiling the top of the area in feet above mean sea level; only with {@code altitude}; or
 *     null
 */
public record CapArea(
    String areaDesc,
    List<CapPolygon> polygons,
    List<CapCircle> circles,
    List<CapValuePair> geocodes,
    BigDecimal altitude,
    BigDecimal ceiling) {

  public CapArea {
    Objects.requireNonNull(areaDesc, "areaDesc");
    polygons = CapAlert.copy(polygons);
    circles = CapAlert.copy(circles);
    geocodes = CapAlert.copy(geocodes);
  }

  public static Builder builder(String areaDesc) {
    return new Builder(areaDesc);
  }

  /** Collects the optional parts of an area; not thread-safe. */
  public static final class Builder {
    private final String areaDesc;
    private final List<CapPolygon> polygons = new ArrayList<>();
    private final List<CapCircle> circles = new ArrayList<>();
    private final List<CapValuePair> geocodes = new ArrayList<>();
    private BigDecimal altitude;
    private BigDecimal ceiling;

    private Builder(String areaDesc) {
      this.areaDesc = areaDesc;
    }

    public Builder polygon(CapPolygon polygon) {
      polygons.add(polygon);
      return this;
    }

    public Builder polygons(List<CapPolygon> all) {
      polygons.addAll(all);
      return this;
    }

    public Builder circle(CapCircle circle) {
      circles.add(circle);
      return this;
    }

    public Builder geocode(String valueName, String value) {
      geocodes.add(new CapValuePair(valueName, value));
      return this;
    }

    /** Altitude and ceiling in feet; either may be null. */
    public Builder altitude(BigDecimal altitudeFeet, BigDecimal ceilingFeet) {
      this.altitude = altitudeFeet;
      this.ceiling = ceilingFeet;
      return this;
    }

    public CapArea build() {
      return new CapArea(areaDesc, polygons, circles, geocodes, altitude, ceiling);
    }
  }
}
