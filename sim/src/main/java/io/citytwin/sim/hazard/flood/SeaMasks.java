package io.citytwin.sim.hazard.flood;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.city.CitySpecs;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The sea around a built-in city (one shipped with geo-data, e.g. Monaco), derived with {@link
 * Coastline} from the coastline ways of the city's own OSM file. The city model does not keep the
 * coastline, so the OSM file is read again (about a second for Monaco) the first time a city's sea
 * is asked for; the result is kept for the life of the JVM. Thread-safe.
 */
public final class SeaMasks {
  /** About 1 km beyond the city's bbox: enough sea for any coastal cell. */
  private static final double MARGIN_DEG = 0.01;
  private static final Map<String, Optional<Geometry>> CACHE = new ConcurrentHashMap<>();

  private SeaMasks() {}

  /**
   * The sea (WGS84) within about 1 km of the city's bbox, when the city is a built-in one named
   * like the model ({@code Monaco} → {@code cities/monaco}); empty for other cities or when no
   * coastline crosses the area.
   */
  public static Optional<Geometry> of(CityModel city) {
    String slug = city.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    return CACHE.computeIfAbsent(slug + "|" + city.boundary().getEnvelopeInternal(), k -> derive(slug, city));
  }

  private static Optional<Geometry> derive(String slug, CityModel city) {
    CitySpecs.Located located;
    try {
      located = CitySpecs.builtIn(slug);
    } catch (GisInputException e) {
      return Optional.empty();
    }
    String file = located.spec().osm();
    OsmData osm;
    try (InputStream in = located.files().open(file)) {
      osm = OsmFiles.read(in, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OSM file of " + slug + ": " + file, e);
    }
    Envelope region = new Envelope(city.boundary().getEnvelopeInternal());
    region.expandBy(MARGIN_DEG);
    Geometry sea = Coastline.sea(osm, region, new GeometryFactory());
    return sea.isEmpty() ? Optional.empty() : Optional.of(sea);
  }
}
