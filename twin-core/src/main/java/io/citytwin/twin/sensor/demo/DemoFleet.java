package io.citytwin.twin.sensor.demo;

import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.cim.EntityType;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Placement;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.codec.SensorGeoJson;
import io.citytwin.twin.telemetry.Position;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generates a realistic demo sensor fleet (a few hundred sensors) on a real city: air-quality
 * stations along main roads and one in each district, weather stations, water-level gauges on the
 * harbour quays, smoke and gas detectors inside hospitals, schools and large buildings (several
 * in the larger ones), traffic counters on primary/secondary/trunk roads, crowd monitors on
 * squares and at venues, bed sensors at every hospital and roadside noise monitors.
 *
 * <p><b>Deterministic:</b> the same city data, seed and fleet key give the same fleet, byte for
 * byte once written; nothing depends on the clock or on hash order. Credentials are derived too:
 * the secret of a sensor is {@link #secretFor(String, String)} and its salt comes from the same
 * key, so a shipped file is reproducible and the simulator can log in as any sensor. That makes
 * the demo secrets public knowledge: a real deployment provisions random ones with {@link
 * Credentials#generateSecret()} and stores only their hashes.
 *
 * <p>Stateless; thread-safe. CPU-bound (well under a second for Monaco).
 */
public final class DemoFleet {
  /** Fleet key of the shipped demo fleets. */
  public static final String DEFAULT_FLEET_KEY = "citytwin-demo-fleet";
  /** Seed of the shipped demo fleets. */
  public static final long DEFAULT_SEED = 20_261_122L;

  private static final Set<String> MAIN_ROADS = Set.of("trunk", "primary", "secondary");
  private static final Set<String> NOISY_ROADS = Set.of("trunk", "primary", "secondary", "tertiary");
  private static final List<String> SQUARE_PREFIXES =
      List.of("Place ", "Parvis ", "Esplanade ", "Promenade ", "Piazza ", "Plaza ", "Platz ");
  private static final int AQ_ROADSIDE = 24;
  private static final int TRAFFIC_COUNTERS = 60;
  private static final int NOISE_MONITORS = 24;
  private static final int LARGE_BUILDINGS_WITH_SMOKE = 50;
  private static final int LARGE_BUILDINGS_WITH_GAS = 24;
  /** Gross floor area from which a residential/commercial/public building counts as large. */
  private static final double LARGE_FLOOR_M2 = 5_000;

  private DemoFleet() {}

  /** The fleet with the default seed and key, as the shipped {@code sensors.geojson} holds it. */
  public static List<Sensor> generate(CitySnapshot city) {
    return generate(city, DEFAULT_SEED, DEFAULT_FLEET_KEY);
  }

  /**
   * The fleet for a city, every sensor placed and with credentials derived from {@code fleetKey}.
   * Fixed sites come from {@link Landmarks#forCity}; a city without any gets no water gauges and
   * no venue crowd monitors.
   */
  public static List<Sensor> generate(CitySnapshot city, long seed, String fleetKey) {
    requireKey(fleetKey);
    return new Generator(city, Landmarks.forCity(city.cityName()), seed, fleetKey).run();
  }

  /** The registry file text of {@link #generate(CitySnapshot)}, with the city's attribution. */
  public static String geoJson(CitySnapshot city) {
    return SensorGeoJson.write(generate(city), city.attribution());
  }

  /**
   * The MQTT secret of a demo sensor: URL-safe Base64 of HMAC-SHA256(fleetKey, sensorId), cut to
   * 22 characters (132 bits).
   */
  public static String secretFor(String fleetKey, String sensorId) {
    requireKey(fleetKey);
    byte[] mac = hmac(fleetKey, sensorId);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 22);
  }

  /** The stored credentials of a demo sensor: user name = id, salt derived from the key. */
  public static Credentials credentialsFor(String fleetKey, String sensorId) {
    byte[] salt = Arrays.copyOf(hmac(fleetKey, "salt:" + sensorId), 16);
    return Credentials.forSecret(sensorId, secretFor(fleetKey, sensorId), salt);
  }

  private static void requireKey(String fleetKey) {
    if (fleetKey == null || fleetKey.isEmpty()) {
      throw new IllegalArgumentException("fleet key must not be empty");
    }
  }

  private static byte[] hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  /** One generation run; sensors are numbered per kind in the order they are sited. */
  private static final class Generator {
    private final CitySnapshot city;
    private final Landmarks landmarks;
    private final long seed;
    private final String fleetKey;
    private final SensorPlacer placer;
    private final Sites sites;
    private final List<Sensor> out = new ArrayList<>();
    private final Map<SensorKind, Integer> numbers = new EnumMap<>(SensorKind.class);

    Generator(CitySnapshot city, Landmarks landmarks, long seed, String fleetKey) {
      this.city = city;
      this.landmarks = landmarks;
      this.seed = seed;
      this.fleetKey = fleetKey;
      this.placer = SensorPlacer.of(city);
      this.sites = new Sites(city.source().projection());
    }

    List<Sensor> run() {
      airQuality();
      weather();
      waterLevel();
      smokeDetectors();
      gasDetectors();
      trafficCounters();
      crowdMonitors();
      hospitalBeds();
      noiseMonitors();
      return List.copyOf(out);
    }

    /** A separate stream per kind, so a change to one kind's siting leaves the others alone. */
    private Random rng(SensorKind kind) {
      return new Random(seed * 1_000_003L + kind.ordinal());
    }

    private void airQuality() {
      Random rng = rng(SensorKind.AIR_QUALITY);
      Sites.Spaced spaced = sites.new Spaced(150);
      for (CityEntity district : city.entities(EntityType.DISTRICT)) {
        Position p = openGround(district, rng);
        if (p != null && spaced.take(p)) {
          add(SensorKind.AIR_QUALITY, p, "Air quality, " + district.name() + " (background)");
        }
      }
      int roadside = 0;
      for (CityEntity road : shuffled(roads(MAIN_ROADS, 50), rng)) {
        Position p = sites.midpoint(road.geometry());
        if (roadside < AQ_ROADSIDE && inOpen(p) && spaced.take(p)) {
          add(SensorKind.AIR_QUALITY, p, "Air quality, " + label(road) + " (roadside)");
          roadside++;
        }
      }
    }

    private void weather() {
      Random rng = rng(SensorKind.WEATHER);
      for (CityEntity district : city.entities(EntityType.DISTRICT)) {
        Position p = openGround(district, rng);
        if (p != null) {
          add(SensorKind.WEATHER, p, "Weather, " + district.name());
        }
      }
      for (Landmarks.Site s : landmarks.weatherStations()) {
        add(SensorKind.WEATHER, site(s), "Weather, " + s.name());
      }
    }

    private void waterLevel() {
      for (Landmarks.Site s : landmarks.waterGauges()) {
        add(SensorKind.WATER_LEVEL, site(s), "Water level, " + s.name());
      }
    }

    private void smokeDetectors() {
      Random rng = rng(SensorKind.SMOKE_DETECTOR);
      for (CityEntity b : buildings("hospital")) {
        inBuilding(SensorKind.SMOKE_DETECTOR, b, clamp(floorArea(b) / 3_000, 2, 6), rng);
      }
      for (CityEntity b : buildings("school")) {
        inBuilding(SensorKind.SMOKE_DETECTOR, b, clamp(floorArea(b) / 3_000, 1, 4), rng);
      }
      for (CityEntity b : largeBuildings(rng, LARGE_BUILDINGS_WITH_SMOKE)) {
        inBuilding(SensorKind.SMOKE_DETECTOR, b, clamp(floorArea(b) / 6_000, 1, 3), rng);
      }
    }

    private void gasDetectors() {
      Random rng = rng(SensorKind.GAS_DETECTOR);
      for (CityEntity b : buildings("hospital")) {
        inBuilding(SensorKind.GAS_DETECTOR, b, 1, rng);
      }
      for (CityEntity b : buildings("school")) {
        inBuilding(SensorKind.GAS_DETECTOR, b, 1, rng);
      }
      for (CityEntity b : largeBuildings(rng, LARGE_BUILDINGS_WITH_GAS)) {
        inBuilding(SensorKind.GAS_DETECTOR, b, 1, rng);
      }
    }

    private void trafficCounters() {
      Random rng = rng(SensorKind.TRAFFIC_COUNTER);
      Sites.Spaced spaced = sites.new Spaced(70);
      int n = 0;
      for (CityEntity road : shuffled(roads(MAIN_ROADS, 30), rng)) {
        Position p = sites.midpoint(road.geometry());
        if (n < TRAFFIC_COUNTERS && inOpen(p) && spaced.take(p)) {
          add(SensorKind.TRAFFIC_COUNTER, p, "Traffic counter, " + label(road));
          n++;
        }
      }
    }

    private void crowdMonitors() {
      Set<String> squares = new LinkedHashSet<>();
      for (CityEntity road : city.entities(EntityType.ROAD)) {
        if ("pedestrian".equals(road.attributes().get("highway")) && isSquare(road.name())
            && squares.add(road.name())) {
          Position p = sites.midpoint(road.geometry());
          if (placer.inCity(p)) {
            add(SensorKind.CROWD_MONITOR, p, "Crowd, " + road.name());
          }
        }
      }
      for (Landmarks.Site s : landmarks.venues()) {
        add(SensorKind.CROWD_MONITOR, site(s), "Crowd, " + s.name());
      }
    }

    private void hospitalBeds() {
      for (CityEntity poi : city.entities(EntityType.POI)) {
        if ("hospital".equals(poi.attributes().get("kind"))) {
          Position p = Sites.rounded(poi.geometry().getCoordinate().y, poi.geometry().getCoordinate().x);
          add(SensorKind.HOSPITAL_BEDS, p, "Hospital beds, " + label(poi));
        }
      }
    }

    private void noiseMonitors() {
      Random rng = rng(SensorKind.NOISE_MONITOR);
      Sites.Spaced spaced = sites.new Spaced(150);
      int n = 0;
      for (CityEntity road : shuffled(roads(NOISY_ROADS, 60), rng)) {
        Position p = sites.midpoint(road.geometry());
        if (n < NOISE_MONITORS && inOpen(p) && spaced.take(p)) {
          add(SensorKind.NOISE_MONITOR, p, "Noise, " + label(road));
          n++;
        }
      }
    }

    /** {@code count} detectors at distinct random spots inside the building's footprint. */
    private void inBuilding(SensorKind kind, CityEntity building, int count, Random rng) {
      EntityId id = building.id();
      for (int i = 1; i <= count; i++) {
        Position p = Sites.randomIn(building.geometry(), rng, c -> id.equals(placer.place(c).building()));
        if (p == null) {
          return;
        }
        String what = kind == SensorKind.SMOKE_DETECTOR ? "Smoke detector" : "Gas detector";
        add(kind, p, what + (count > 1 ? " " + i + "/" + count : "") + ", " + label(building));
      }
    }

    /** A random spot in the district that is in the city and not inside a building. */
    private Position openGround(CityEntity district, Random rng) {
      return Sites.randomIn(district.geometry(), rng, p -> {
        Placement at = placer.place(p);
        return district.id().equals(at.district()) && at.building() == null && placer.inCity(p);
      });
    }

    /**
     * In the city and not under a building footprint: a roadside device stands in the open, and
     * Monaco's roads often run in tunnels beneath buildings.
     */
    private boolean inOpen(Position p) {
      return placer.inCity(p) && placer.place(p).building() == null;
    }

    private Position site(Landmarks.Site s) {
      Position p = Sites.rounded(s.lat(), s.lon());
      if (!placer.inCity(p)) {
        throw new IllegalStateException("landmark " + s.name() + " (" + s.osm() + ") lies outside " + city.cityName());
      }
      return p;
    }

    private void add(SensorKind kind, Position p, String name) {
      int n = numbers.merge(kind, 1, Integer::sum);
      String id = PREFIX.get(kind) + "-" + String.format("%03d", n);
      Sensor s = new Sensor(id, kind, kind.defaultQuantities(), p, null, kind.defaultOwner(),
          credentialsFor(fleetKey, id), name);
      out.add(placer.placed(s));
    }

    /** Car roads of the given classes at least {@code minLengthM} long, in model order. */
    private List<CityEntity> roads(Set<String> classes, double minLengthM) {
      return city.entities(EntityType.ROAD).stream()
          .filter(r -> classes.contains(r.attributes().get("highway")))
          .filter(SensorPlacer.CAR_ROADS)
          .filter(r -> ((Number) r.attributes().get("lengthM")).doubleValue() >= minLengthM)
          .toList();
    }

    private List<CityEntity> buildings(String use) {
      return city.entities(EntityType.BUILDING).stream()
          .filter(b -> use.equals(b.attributes().get("use")))
          .toList();
    }

    /** {@code n} large residential, commercial or public buildings, a seeded draw, model order. */
    private List<CityEntity> largeBuildings(Random rng, int n) {
      List<CityEntity> large = city.entities(EntityType.BUILDING).stream()
          .filter(b -> Set.of("residential", "commercial", "public").contains(b.attributes().get("use")))
          .filter(b -> floorArea(b) >= LARGE_FLOOR_M2)
          .toList();
      List<CityEntity> picked = shuffled(large, rng).subList(0, Math.min(n, large.size()));
      List<CityEntity> ordered = new ArrayList<>(picked);
      ordered.sort(Comparator.comparingInt(large::indexOf));
      return ordered;
    }

    private static <T> List<T> shuffled(List<T> items, Random rng) {
      List<T> copy = new ArrayList<>(items);
      Collections.shuffle(copy, rng);
      return copy;
    }

    private static double floorArea(CityEntity building) {
      return ((Number) building.attributes().get("floorAreaM2")).doubleValue();
    }

    private static int clamp(double v, int min, int max) {
      return (int) Math.max(min, Math.min(max, Math.ceil(v)));
    }

    private static boolean isSquare(String name) {
      return SQUARE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The entity's name, else what it is: {@code unnamed school building w123}. */
    private static String label(CityEntity e) {
      if (!e.name().isEmpty()) {
        return e.name();
      }
      Object what = switch (e.type()) {
        case BUILDING -> e.attributes().get("use") + " building";
        case ROAD -> e.attributes().get("highway") + " road";
        case POI -> e.attributes().get("kind");
        default -> e.type().prefix();
      };
      return "unnamed " + what + " " + e.id().key();
    }
  }

  private static final Map<SensorKind, String> PREFIX = new EnumMap<>(Map.of(
      SensorKind.AIR_QUALITY, "aq",
      SensorKind.WEATHER, "wx",
      SensorKind.WATER_LEVEL, "wl",
      SensorKind.SMOKE_DETECTOR, "smk",
      SensorKind.GAS_DETECTOR, "gas",
      SensorKind.TRAFFIC_COUNTER, "tc",
      SensorKind.CROWD_MONITOR, "crowd",
      SensorKind.NOISE_MONITOR, "noise",
      SensorKind.HOSPITAL_BEDS, "beds"));
}
