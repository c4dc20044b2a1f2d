package io.citytwin.geo.city;

import io.citytwin.geo.layer.BuildingUse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Use, storeys and height of a building from its OSM tags.
 *
 * <p>Use: the {@code building=*} value decides when it is specific ({@code apartments}, {@code
 * house}, {@code office}, {@code church}...). For the generic {@code building=yes} the object's
 * own {@code building:use}, {@code amenity}, {@code shop}, {@code office} and {@code tourism} tags
 * decide; without such a hint the building is {@link BuildingUse#OTHER}. Only explicitly residential
 * buildings take a population share: guessing "yes means housing" would also put residents into
 * offices, hotels and garages.
 *
 * <p>Storeys: {@code building:levels} (+ {@code roof:levels}), else {@code height} / 3 m, else a
 * default per building type: 4 for apartments, 3 for residential/commercial/office/hotel/public, 2
 * for houses and {@code yes}, 1 for sheds, garages, roofs, kiosks and similar. Height: {@code
 * height} in metres ("12", "12.5 m", "40 ft"), else storeys x 3 m.
 */
final class BuildingTags {
  static final double STOREY_M = 3.0;

  private static final Set<String> RESIDENTIAL = Set.of(
      "apartments", "residential", "house", "detached", "semidetached_house", "terrace",
      "dormitory", "bungalow", "farm", "cabin", "houseboat", "static_caravan");
  private static final Set<String> COMMERCIAL = Set.of(
      "commercial", "retail", "office", "hotel", "supermarket", "kiosk", "restaurant");
  private static final Set<String> INDUSTRIAL = Set.of(
      "industrial", "warehouse", "factory", "manufacture", "hangar");
  private static final Set<String> SCHOOL = Set.of("school", "kindergarten", "university", "college");
  private static final Set<String> HOSPITAL = Set.of("hospital", "clinic");
  private static final Set<String> PUBLIC = Set.of(
      "public", "civic", "government", "townhall", "fire_station", "police", "train_station",
      "transportation", "museum", "stadium", "sports_hall", "castle", "palace");
  private static final Set<String> RELIGIOUS = Set.of(
      "church", "cathedral", "chapel", "mosque", "synagogue", "temple", "religious", "monastery", "shrine");
  private static final Set<String> SMALL = Set.of(
      "shed", "garage", "garages", "roof", "kiosk", "toilets", "greenhouse", "hut", "carport",
      "tent", "service", "barn", "bridge", "pier", "ruins", "construction");

  private BuildingTags() {}

  static BuildingUse use(Map<String, String> tags) {
    String b = lower(tags.get("building"));
    BuildingUse byValue = byValue(b);
    if (byValue != null) {
      return byValue;
    }
    BuildingUse hinted = byValue(lower(tags.get("building:use")));
    if (hinted != null) {
      return hinted;
    }
    String amenity = lower(tags.get("amenity"));
    BuildingUse byAmenity = byValue(amenity);
    if (byAmenity != null) {
      return byAmenity;
    }
    if (amenity != null && Set.of("place_of_worship").contains(amenity)) {
      return BuildingUse.RELIGIOUS;
    }
    if (tags.containsKey("shop") || tags.containsKey("office")
        || "hotel".equals(lower(tags.get("tourism")))) {
      return BuildingUse.COMMERCIAL;
    }
    return BuildingUse.OTHER;
  }

  private static BuildingUse byValue(String v) {
    if (v == null) {
      return null;
    }
    if (RESIDENTIAL.contains(v)) {
      return BuildingUse.RESIDENTIAL;
    }
    if (COMMERCIAL.contains(v)) {
      return BuildingUse.COMMERCIAL;
    }
    if (INDUSTRIAL.contains(v)) {
      return BuildingUse.INDUSTRIAL;
    }
    if (SCHOOL.contains(v)) {
      return BuildingUse.SCHOOL;
    }
    if (HOSPITAL.contains(v)) {
      return BuildingUse.HOSPITAL;
    }
    if (PUBLIC.contains(v)) {
      return BuildingUse.PUBLIC;
    }
    if (RELIGIOUS.contains(v)) {
      return BuildingUse.RELIGIOUS;
    }
    return null;
  }

  static int levels(Map<String, String> tags) {
    Double levels = number(tags.get("building:levels"));
    if (levels != null && levels >= 0.5 && levels < 300) {
      Double roof = number(tags.get("roof:levels"));
      return (int) Math.round(levels + (roof != null && roof > 0 && roof < 10 ? roof : 0));
    }
    Double h = heightM(tags.get("height"));
    if (h != null) {
      return Math.max(1, (int) Math.round(h / STOREY_M));
    }
    String b = lower(tags.get("building"));
    if ("apartments".equals(b)) {
      return 4;
    }
    if (b == null || SMALL.contains(b)) {
      return 1;
    }
    if (Set.of("house", "detached", "semidetached_house", "terrace", "bungalow", "cabin", "yes").contains(b)) {
      return 2;
    }
    return 3;
  }

  static double height(Map<String, String> tags, int levels) {
    Double h = heightM(tags.get("height"));
    return h != null ? h : levels * STOREY_M;
  }

  /** Parses "12", "12.5", "12,5", "12 m", "40 ft" / "40'" to metres; null when unusable. */
  static Double heightM(String v) {
    if (v == null) {
      return null;
    }
    String s = v.trim().toLowerCase(Locale.ROOT).replace(',', '.');
    double factor = 1;
    if (s.endsWith("ft") || s.endsWith("'")) {
      factor = 0.3048;
      s = s.replaceAll("(ft|')$", "").trim();
    } else if (s.endsWith("m")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    Double n = number(s);
    return n == null || n <= 0 || n > 1000 ? null : n * factor;
  }

  private static Double number(String v) {
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.trim().replace(',', '.'));
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String lower(String v) {
    return v == null ? null : v.trim().toLowerCase(Locale.ROOT);
  }
}
