package io.citytwin.geo.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.road.RoadGraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes the layers of a {@link CityModel} as GeoJSON FeatureCollections (RFC 7946: WGS84
 * lon/lat, 7 decimals, counter-clockwise outer rings). Every collection carries the data
 * attribution as the top-level foreign member {@code "attribution"} and its layer name as {@code
 * "name"}; the population layer also has {@code "synthetic": true}. This is what {@code GET
 * /api/layers/{name}} serves. Immutable and thread-safe; writing streams with Jackson and does not
 * buffer the whole layer.
 *
 * <p>Layers: {@code districts} (id, name, code, areaM2), {@code roads} (one feature per road
 * segment, i.e. per edge with its opposite edge folded in: edge, reverseEdge, wayId, from, to,
 * highway, name, oneway, car, foot, and lanes, speedKmh, capacityVehPerHour of the drawn
 * direction, lengthM), {@code buildings} (id, name, use, levels, heightM, footprintM2,
 * district, residents), {@code pois} (id, kind, name, district) and {@code population} (one
 * feature per district: residents, densityPerKm2).
 */
public final class LayerWriter {
  /** Layer names in display order. */
  public static final List<String> LAYERS = List.of("districts", "roads", "buildings", "pois", "population");

  private static final JsonFactory JSON = new JsonFactory();

  private final CityModel city;
  private final int[] twin;

  /** Prepares a writer; cheap (one pass over the road edges). */
  public LayerWriter(CityModel city) {
    this.city = city;
    this.twin = twins(city.roads());
  }

  /** The layer names this writer serves. */
  public List<String> names() {
    return LAYERS;
  }

  /** Whether {@code layer} is one of {@link #names()}. */
  public boolean has(String layer) {
    return LAYERS.contains(layer);
  }

  /** The layer as a GeoJSON string; see {@link #write(String, Envelope, OutputStream)}. */
  public String write(String layer, Envelope bboxOrNull) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try {
      write(layer, bboxOrNull, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes one layer as UTF-8 GeoJSON to {@code out} (not closed).
   *
   * @param bboxOrNull when given (lon = x, lat = y), only features whose geometry envelope
   *     intersects it are written
   * @throws IllegalArgumentException for an unknown layer name
   */
  public void write(String layer, Envelope bboxOrNull, OutputStream out) throws IOException {
    if (!has(layer)) {
      throw new IllegalArgumentException("unknown layer '" + layer + "' (layers: " + String.join(", ", LAYERS) + ")");
    }
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("name", layer);
      g.writeStringField("attribution", city.attribution());
      if (layer.equals("population")) {
        g.writeBooleanField("synthetic", true);
        g.writeNumberField("total", city.population().total());
        g.writeStringField("source", city.population().source());
      }
      g.writeArrayFieldStart("features");
      FeatureSink sink = new FeatureSink(g, bboxOrNull);
      switch (layer) {
        case "districts" -> districts(sink);
        case "roads" -> roads(sink);
        case "buildings" -> buildings(sink);
        case "pois" -> pois(sink);
        default -> population(sink);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private void districts(FeatureSink s) throws IOException {
    for (District d : city.districts()) {
      if (s.begin(d.id(), d.geometry())) {
        JsonGenerator g = s.g;
        g.writeStringField("id", d.id());
        g.writeStringField("name", d.name());
        g.writeStringField("code", d.code());
        g.writeNumberField("areaM2", Math.round(d.areaM2()));
        s.end();
      }
    }
  }

  private void roads(FeatureSink s) throws IOException {
    RoadGraph roads = city.roads();
    for (RoadGraph.Edge e : roads.edges()) {
      RoadGraph.Edge back = twin[e.index()] < 0 ? null : roads.edges().get(twin[e.index()]);
      if (back != null && represents(back, e)) {
        continue;
      }
      if (s.begin("edge/" + e.index(), e.geometry())) {
        JsonGenerator g = s.g;
        g.writeNumberField("edge", e.index());
        if (back != null) {
          g.writeNumberField("reverseEdge", back.index());
        } else {
          g.writeNullField("reverseEdge");
        }
        g.writeNumberField("wayId", e.wayId());
        g.writeNumberField("from", roads.nodes().get(e.from()).osmId());
        g.writeNumberField("to", roads.nodes().get(e.to()).osmId());
        g.writeStringField("highway", e.highway());
        g.writeStringField("name", e.name());
        g.writeBooleanField("oneway", e.car() && (back == null || !back.car()));
        g.writeBooleanField("car", e.car());
        g.writeBooleanField("foot", e.foot() || (back != null && back.foot()));
        g.writeNumberField("lanes", e.lanes());
        g.writeNumberField("speedKmh", e.speedKmh());
        g.writeNumberField("capacityVehPerHour", e.capacityVehPerHour());
        g.writeNumberField("lengthM", Math.round(e.lengthM() * 10) / 10.0);
        s.end();
      }
    }
  }

  /**
   * Which edge of a two-way pair stands for the segment: the one cars may use when only one
   * may, else the lower index.
   */
  private static boolean represents(RoadGraph.Edge a, RoadGraph.Edge b) {
    if (a.car() != b.car()) {
      return a.car();
    }
    return a.index() < b.index();
  }

  /** For each edge, the opposite edge of the same way piece, or -1 (one-way, foot-only pairs included). */
  private static int[] twins(RoadGraph r) {
    int[] twin = new int[r.edges().size()];
    java.util.Arrays.fill(twin, -1);
    for (RoadGraph.Edge e : r.edges()) {
      for (int i = 0; i < r.outDegree(e.to()); i++) {
        RoadGraph.Edge back = r.edges().get(r.outEdge(e.to(), i));
        if (back.to() == e.from() && back.wayId() == e.wayId() && back.index() != e.index()
            && back.lengthM() == e.lengthM()) {
          twin[e.index()] = back.index();
          break;
        }
      }
    }
    return twin;
  }

  private void buildings(FeatureSink s) throws IOException {
    var residents = city.population().residentsByBuilding();
    for (Building b : city.buildings()) {
      if (s.begin(b.id(), b.footprint())) {
        JsonGenerator g = s.g;
        g.writeStringField("id", b.id());
        g.writeStringField("name", b.name());
        g.writeStringField("use", b.use().name().toLowerCase(java.util.Locale.ROOT));
        g.writeNumberField("levels", b.levels());
        g.writeNumberField("heightM", b.heightM());
        g.writeNumberField("footprintM2", Math.round(b.footprintM2()));
        g.writeStringField("district", b.districtId());
        g.writeNumberField("residents", residents.getOrDefault(b.id(), 0));
        s.end();
      }
    }
  }

  private void pois(FeatureSink s) throws IOException {
    for (Poi p : city.pois()) {
      if (s.begin(p.id(), p.location())) {
        JsonGenerator g = s.g;
        g.writeStringField("id", p.id());
        g.writeStringField("kind", p.kind().apiName());
        g.writeStringField("name", p.name());
        g.writeStringField("district", p.districtId());
        s.end();
      }
    }
  }

  private void population(FeatureSink s) throws IOException {
    for (District d : city.districts()) {
      if (s.begin("population/" + d.id(), d.geometry())) {
        int residents = city.population().residentsByDistrict().getOrDefault(d.id(), 0);
        JsonGenerator g = s.g;
        g.writeStringField("id", d.id());
        g.writeStringField("name", d.name());
        g.writeStringField("code", d.code());
        g.writeNumberField("residents", residents);
        g.writeNumberField("densityPerKm2", d.areaM2() > 0 ? Math.round(residents / (d.areaM2() / 1e6)) : 0);
        g.writeBooleanField("synthetic", true);
        s.end();
      }
    }
  }

  /** Writes feature envelopes; {@link #begin} returns false for features outside the bbox. */
  private static final class FeatureSink {
    final JsonGenerator g;
    private final Envelope bbox;

    FeatureSink(JsonGenerator g, Envelope bbox) {
      this.g = g;
      this.bbox = bbox;
    }

    boolean begin(String id, Geometry geometry) throws IOException {
      if (bbox != null && !bbox.intersects(geometry.getEnvelopeInternal())) {
        return false;
      }
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeStringField("id", id);
      g.writeFieldName("geometry");
      GeoJsonGeometry.write(g, geometry);
      g.writeObjectFieldStart("properties");
      return true;
    }

    void end() throws IOException {
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
