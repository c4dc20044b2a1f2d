package io.citytwin.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/** Generated readings round-trip; generated garbage is refused with a reason and nothing else. */
class ReadingRecordCodecPropertiesTest {

  @Property(tries = 2_000, seed = "20261124")
  void everyValidRecordRoundTrips(@ForAll("sensors") SensorReadings sensor) throws Exception {
    byte[] key = ReadingRecordCodec.key(sensor.sensorId());
    byte[] value = ReadingRecordCodec.value(sensor);

    assertThat(ReadingRecordCodec.decode(key, value)).isEqualTo(sensor);
  }

  @Property(tries = 2_000, seed = "20261125")
  void everyProperPrefixOfARecordIsRefused(
      @ForAll("sensors") SensorReadings sensor, @ForAll Random random) {
    byte[] value = ReadingRecordCodec.value(sensor);
    byte[] prefix = Arrays.copyOf(value, random.nextInt(value.length));

    assertThatThrownBy(
            () -> ReadingRecordCodec.decode(ReadingRecordCodec.key(sensor.sensorId()), prefix))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageStartingWith("record of sensor " + sensor.sensorId() + ", value byte ");
  }

  private final Set<String> problemsSeen = new TreeSet<>();
  private int accepted;

  /** Whatever the bytes, the answer is a valid decoding or the declared exception with a reason. */
  @Property(tries = 20_000, seed = "20261126")
  void garbageNeverThrowsAnythingButAMalformedRecord(
      @ForAll("keys") byte[] key, @ForAll("garbage") byte[] value) {
    SensorReadings decoded;
    try {
      decoded = ReadingRecordCodec.decode(key, value);
    } catch (MalformedRecordException e) {
      assertThat(e.getMessage()).startsWith("record ");
      PROBLEMS.stream().filter(e.getMessage()::contains).forEach(problemsSeen::add);
      return;
    }
    // Corruption can still spell a valid record; then it is one in every respect.
    accepted++;
    assertThat(decoded.sensorId()).isEqualTo(new String(key, StandardCharsets.US_ASCII));
    byte[] again = ReadingRecordCodec.value(decoded);
    try {
      assertThat(ReadingRecordCodec.decode(key, again)).isEqualTo(decoded);
    } catch (MalformedRecordException e) {
      throw new AssertionError("re-encoding of an accepted record was refused", e);
    }
  }

  /** The garbage reached every check of the decoder, and some corruptions stayed valid. */
  @AfterProperty
  void everyKindOfProblemWasMet() {
    if (!problemsSeen.isEmpty()) {
      assertThat(problemsSeen).containsExactlyInAnyOrderElementsOf(PROBLEMS);
      assertThat(accepted).isPositive();
    }
  }

  private static final List<String> PROBLEMS =
      List.of(
          "has no key",
          "bytes, a sensor id has at most",
          "is not a sensor id",
          "has no value",
          "truncated",
          "unsupported version",
          "a record holds at least one reading",
          "does not fit",
          "unknown quantity",
          "is outside",
          "reserved flag bits",
          "is not a position",
          "after the last reading",
          "varint overflows");

  /**
   * Sensors with 1..20 readings. The readings are built from a jqwik-drawn seed rather than by
   * combining arbitraries: as reproducible, and fast enough for thousands of tries.
   */
  @Provide
  Arbitrary<SensorReadings> sensors() {
    return seeds().map(seed -> sensor(new Random(seed)));
  }

  @Provide
  Arbitrary<byte[]> keys() {
    return seeds().map(seed -> key(new Random(seed)));
  }

  /**
   * Random bytes, random bytes behind a valid version byte, or a valid record with bytes
   * overwritten and then cut short or extended.
   */
  @Provide
  Arbitrary<byte[]> garbage() {
    return seeds().map(seed -> garbage(new Random(seed)));
  }

  private static Arbitrary<Long> seeds() {
    return Arbitraries.randomValue(Random::nextLong);
  }

  private static byte[] key(Random random) {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return null;
    }
    if (kind <= 2) {
      return randomBytes(random, random.nextInt(70));
    }
    return sensorId(random).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] garbage(Random random) {
    int kind = random.nextInt(100);
    if (kind == 0) {
      return null;
    }
    if (kind < 20) {
      return randomBytes(random, random.nextInt(300));
    }
    if (kind < 50) {
      byte[] v = randomBytes(random, 1 + random.nextInt(300));
      v[0] = (byte) ReadingRecordCodec.VERSION;
      return v;
    }
    byte[] v = ReadingRecordCodec.value(sensor(random));
    int overwrites = 1 + random.nextInt(3);
    for (int i = 0; i < overwrites; i++) {
      v[random.nextInt(v.length)] = (byte) random.nextInt(256);
    }
    return switch (random.nextInt(4)) {
      case 0 -> Arrays.copyOf(v, random.nextInt(v.length + 1));
      case 1 -> Arrays.copyOf(v, v.length + 1 + random.nextInt(20));
      default -> v;
    };
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static SensorReadings sensor(Random random) {
    String id = sensorId(random);
    int count = 1 + random.nextInt(20);
    List<Reading> readings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      readings.add(reading(id, random));
    }
    return new SensorReadings(id, readings);
  }

  private static final String ALNUM =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String ID_CHARS = ALNUM + "-_.:";

  private static String sensorId(Random random) {
    StringBuilder id = new StringBuilder().append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    int more = random.nextInt(10) == 0 ? 63 : random.nextInt(12);
    for (int i = 0; i < more; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }

  private static Reading reading(String sensorId, Random random) {
    Quantity q = QUANTITIES[random.nextInt(QUANTITIES.length)];
    double value =
        switch (random.nextInt(8)) {
          case 0 -> q.min();
          case 1 -> q.max();
          default -> q.min() + random.nextDouble() * (q.max() - q.min());
        };
    if (q.wholeNumber()) {
      value = Math.rint(value);
    }
    long time =
        random.nextBoolean()
            ? random.nextLong()
            : 1_700_000_000_000L + random.nextInt(1_000_000_000);
    Position position =
        random.nextInt(5) < 2
            ? new Position(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble())
            : null;
    return new Reading(sensorId, q, value, time, position);
  }

  private static final Quantity[] QUANTITIES = Quantity.values();
}
