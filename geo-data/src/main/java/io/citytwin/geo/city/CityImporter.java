package io.citytwin.geo.city;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.geojson.GeoJsonAreas;
import io.citytwin.geo.index.DistrictIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.Population;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmFiles;
import io.citytwin.geo.osm.OsmRelation;
import io.citytwin.geo.population.PopulationAllocator;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.RoadGraphBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Turns OSM data (plus optional district polygons) into a {@link CityModel}: boundary, districts,
 * road graph, buildings, points of interest and a synthetic population, all clipped to the
 * boundary. Either the whole model is built or a {@link GisInputException} naming the file and
 * the problem is thrown; nothing half-built escapes. Blocking and CPU-bound (about a second for
 * Monaco); call it off the event loop. Thread-safe (no shared state).
 *
 * <p>Population: the total (from the spec, else the boundary relation's {@code population} tag)
 * is shared over the floor area of residential buildings (see {@code BuildingTags} for what counts
 * as residential) with largest-remainder rounding, so the integers add up exactly. When no
 * building is tagged residential, the import does not fail: it shares the total over all floor
 * area and says so in the warnings, because many small-town extracts tag every building
 * {@code building=yes}. No total at all gives an empty population layer and a warning; a total
 * with no buildings inside the boundary is an error.
 */
public final class CityImporter {
  /** Attribution used when a spec gives none: every OSM-derived layer must carry it. */
  public static final String OSM_ATTRIBUTION =
      "Map data © OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)";

  private static final GeometryFactory GF = new GeometryFactory();

  private CityImporter() {}

  /**
   * What to build besides the OSM data itself.
   *
   * @param name city name, or null for the boundary's {@code name} tag (else the file name)
   * @param boundaryRelation boundary relation id, or null to pick one (see {@link Boundary})
   * @param populationTotal residents, or null for the boundary relation's {@code population} tag
   * @param populationSource citation for {@code populationTotal}
   * @param attribution licence text, or null for {@link #OSM_ATTRIBUTION}
   * @param districts district features, or null to use OSM admin_level 9/10 relations
   * @param districtsSource file name of {@code districts}, for messages
   * @param districtNameProperty GeoJSON property with the district name
   * @param districtCodeProperty GeoJSON property with the code, or null to detect
   */
  public record Options(
      String name,
      Long boundaryRelation,
      Integer populationTotal,
      String populationSource,
      String attribution,
      List<GeoJsonAreas.Feature> districts,
      String districtsSource,
      String districtNameProperty,
      String districtCodeProperty) {

    /** Whether no building has a district, so per-district sums are not expected at all. */
    boolean noDistrictsExpected(List<Building> buildings) {
      return buildings.stream().allMatch(b -> b.districtId().isEmpty());
    }

    /** No configuration: everything is derived from the OSM data. */
    public static Options none() {
      return new Options(null, null, null, null, null, null, null, "name", null);
    }
  }

  /** Imports a built-in city by name (classpath {@code cities/{name}/city.json}). */
  public static CityModel importBuiltIn(String name) {
    return importSpec(CitySpecs.builtIn(name));
  }

  /** Imports the city a spec describes; its files are read relative to the spec. */
  public static CityModel importSpec(CitySpecs.Located located) {
    CitySpec spec = located.spec();
    OsmData osm = read(located, spec.osm(), in -> OsmFiles.read(in, spec.osm()));
    List<GeoJsonAreas.Feature> districts = null;
    String districtsFile = null;
    String nameProp = "name";
    String codeProp = null;
    if (spec.districts() != null) {
      districtsFile = spec.districts().file();
      String f = districtsFile;
      districts = read(located, f, in -> GeoJsonAreas.read(in, f, GF));
      nameProp = spec.districts().nameProperty();
      codeProp = spec.districts().codeProperty();
    }
    var pop = spec.population();
    return build(osm, new Options(spec.name(), spec.boundaryRelation(),
        pop == null ? null : pop.total(), pop == null ? null : pop.source(), spec.attribution(),
        districts, districtsFile, nameProp, codeProp));
  }

  /**
   * Imports arbitrary files without a spec: exactly one OSM file ({@code .osm.pbf}, {@code .osm},
   * {@code .osm.gz}) and at most one {@code .geojson}/{@code .json} district file (name from the
   * {@code name} property). Boundary and population are derived from the OSM data.
   */
  public static CityModel importFiles(List<Path> files) {
    return importFiles(files, null);
  }

  /**
   * As {@link #importFiles(List)}, clipped to the given boundary relation.
   *
   * @param boundaryRelation OSM relation id of the city outline, or null to pick one
   */
  public static CityModel importFiles(List<Path> files, Long boundaryRelation) {
    Path osmFile = null;
    Path districtFile = null;
    for (Path p : files) {
      String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".geojson") || n.endsWith(".json")) {
        if (districtFile != null) {
          throw new GisInputException(p.getFileName().toString(), "only one district GeoJSON file is supported");
        }
        districtFile = p;
      } else if (OsmFiles.looksLikeOsm(p)) {
        if (osmFile != null) {
          throw new GisInputException(p.getFileName().toString(), "only one OSM file per city is supported");
        }
        osmFile = p;
      } else {
        throw new GisInputException(p.getFileName().toString(),
            "unknown file type (expected .osm.pbf, .osm, .osm.gz or .geojson)");
      }
    }
    if (osmFile == null) {
      throw new GisInputException(files.isEmpty() ? "import" : files.get(0).getFileName().toString(),
          "no OSM file given (.osm.pbf, .osm or .osm.gz)");
    }
    OsmData osm = OsmFiles.read(osmFile);
    Options o = new Options(null, boundaryRelation, null, null, null, null, null, "name", null);
    if (districtFile != null) {
      String name = districtFile.getFileName().toString();
      try (InputStream in = Files.newInputStream(districtFile)) {
        o = new Options(null, boundaryRelation, null, null, null, GeoJsonAreas.read(in, name, GF),
            name, "name", null);
      } catch (NoSuchFileException e) {
        throw new GisInputException(name, "file not found (" + districtFile + ")", e);
      } catch (IOException e) {
        throw new GisInputException(name, "cannot read: " + e.getMessage(), e);
      }
    }
    return build(osm, o);
  }

  /** Builds the model from already-read inputs. */
  public static CityModel build(OsmData osm, Options o) {
    List<String> warnings = new ArrayList<>();
    Boundary boundary = Boundary.resolve(osm, o.boundaryRelation(), GF, warnings);
    PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary.geometry());
    Point c = boundary.geometry().getCentroid();
    MetricProjection projection = MetricProjection.utmFor(c.getX(), c.getY());

    List<District> districts = o.districts() != null
        ? Districts.fromGeoJson(o.districts(), o.districtsSource(), o.districtNameProperty(),
            o.districtCodeProperty(), projection)
        : Districts.fromOsm(osm, inside, projection, GF, warnings);
    DistrictIndex districtIndex = new DistrictIndex(districts);

    RoadGraph roads = new RoadGraphBuilder(osm, projection,
        (Coordinate m) -> inside.covers(GF.createPoint(m)), GF).build();
    if (roads.edges().isEmpty()) {
      throw new GisInputException(osm.source(), "no highway ways inside the boundary ("
          + boundary.description() + ")");
    }
    Features features = new Features(osm, GF, inside, projection, districtIndex, warnings);
    List<Building> buildings = features.buildings();
    List<Poi> pois = features.pois();
    Population population = population(osm, o, boundary, buildings, warnings);

    String name = o.name() != null ? o.name()
        : boundary.relation().map(r -> r.tags().get("name")).orElse(stem(osm.source()));
    return new CityModel(name == null ? stem(osm.source()) : name,
        o.attribution() != null ? o.attribution() : OSM_ATTRIBUTION,
        boundary.geometry(), projection, districts, roads, buildings, pois, population,
        List.copyOf(warnings));
  }

  private static Population population(OsmData osm, Options o, Boundary boundary,
      List<Building> buildings, List<String> warnings) {
    Integer total = o.populationTotal();
    String source = o.populationSource();
    if (total == null) {
      OsmRelation r = boundary.relation().orElse(null);
      String tag = r == null ? null : r.tags().get("population");
      if (tag != null && tag.trim().matches("\\d{1,9}")) {
        total = Integer.parseInt(tag.trim());
        source = "OSM r" + r.id() + " population=" + tag.trim()
            + (r.tags().containsKey("population:date") ? " (" + r.tags().get("population:date") + ")" : "");
      }
    }
    if (total == null || total == 0) {
      warnings.add("population: no population figure (configure one, or tag the boundary relation); "
          + "population layer is empty");
      return new Population(0, "none", java.util.Map.of(), java.util.Map.of());
    }
    if (buildings.isEmpty()) {
      throw new GisInputException(osm.source(), "no buildings inside the boundary to place the population of "
          + total + " in");
    }
    double residential = buildings.stream().filter(b -> b.use().residential())
        .mapToDouble(Building::floorAreaM2).sum();
    Population p;
    if (residential > 0) {
      p = PopulationAllocator.allocate(total, source, buildings,
          b -> b.use().residential() ? b.floorAreaM2() : 0);
    } else {
      warnings.add("population: no residential buildings tagged; the total is shared over the floor "
          + "area of all buildings");
      p = PopulationAllocator.allocate(total, source, buildings, Building::floorAreaM2);
    }
    int inDistricts = p.residentsByDistrict().values().stream().mapToInt(Integer::intValue).sum();
    if (inDistricts < total && !o.noDistrictsExpected(buildings)) {
      warnings.add("population: " + (total - inDistricts) + " residents live in buildings outside every district");
    }
    return p;
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T read(CitySpecs.Located located, String file, Reader<T> reader) {
    try (InputStream in = located.files().open(file)) {
      return reader.read(in);
    } catch (IOException e) {
      throw new GisInputException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String stem(String file) {
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
