package io.citytwin.ingest.kafka;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingRecordCodecTest {

  private static final byte[] KEY = "aq-001".getBytes(US_ASCII);

  @Test
  void aSingleReadingIsEighteenBytesLaidOutAsDocumented() {
    Reading r = new Reading("aq-001", Quantity.PM25, 12.5, 1000, null);
    byte[] value = ReadingRecordCodec.value(new SensorReadings("aq-001", List.of(r)));

    ByteBuffer expected = ByteBuffer.allocate(18);
    expected.put((byte) 1).put((byte) 1); // version, count
    expected.put((byte) 4).put("pm25".getBytes(US_ASCII)).putDouble(12.5);
    expected.put((byte) 0xD0).put((byte) 0x0F); // zigzag(1000) = 2000 as LEB128
    expected.put((byte) 0); // no position
    assertThat(value).containsExactly(expected.array());
  }

  @Test
  void readingsOfEveryQuantityRoundTripInOrder() {
    List<Reading> readings = new ArrayList<>();
    long t = 1_763_800_000_000L;
    for (Quantity q : Quantity.values()) {
      readings.add(new Reading("multi-1", q, q.max(), t, null));
      readings.add(new Reading("multi-1", q, q.min(), t - 60_000, new Position(43.73, 7.42)));
      t += 1_000;
    }
    SensorReadings sensor = new SensorReadings("multi-1", readings);

    SensorReadings decoded = decode("multi-1", ReadingRecordCodec.value(sensor));

    assertThat(decoded).isEqualTo(sensor);
  }

  @Test
  void extremeTimestampsSurviveTheDeltaEncoding() {
    List<Reading> readings =
        List.of(
            new Reading("s1", Quantity.NOISE, 40, Long.MAX_VALUE, null),
            new Reading("s1", Quantity.NOISE, 41, Long.MIN_VALUE, null),
            new Reading("s1", Quantity.NOISE, 42, 0, null),
            new Reading("s1", Quantity.NOISE, 43, -1, new Position(-90, 180)));
    SensorReadings sensor = new SensorReadings("s1", readings);

    assertThat(decode("s1", ReadingRecordCodec.value(sensor))).isEqualTo(sensor);
  }

  @Test
  void aBatchSplitsBySensorKeepingEachSensorsOrder() {
    Reading a1 = new Reading("a", Quantity.SMOKE, 1, 10, null);
    Reading b1 = new Reading("b", Quantity.SMOKE, 2, 5, null);
    Reading a2 = new Reading("a", Quantity.SMOKE, 3, 1, null);
    Reading c1 = new Reading("c", Quantity.SMOKE, 4, 7, null);
    Reading b2 = new Reading("b", Quantity.SMOKE, 5, 3, null);

    assertThat(SensorReadings.bySensor(List.of(a1, b1, a2, c1, b2)))
        .containsExactly(
            new SensorReadings("a", List.of(a1, a2)),
            new SensorReadings("b", List.of(b1, b2)),
            new SensorReadings("c", List.of(c1)));
  }

  @Test
  void anIllegalSensorIdIsRefusedAsAKey() {
    assertThatThrownBy(() -> ReadingRecordCodec.key("bad/id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sensor id 'bad/id' is not legal, it cannot be a record key");
  }

  @Test
  void keyProblemsAreNamed() {
    assertThat(error(null, valid())).isEqualTo("record has no key (the sensor id)");
    assertThat(error(new byte[0], valid())).startsWith("record key '' is not a sensor id (1..64");
    assertThat(error(new byte[] {'a', (byte) 0xC3, (byte) 0xA9}, valid()))
        .startsWith("record key 'a??' is not a sensor id");
    assertThat(error(new byte[65], valid()))
        .isEqualTo("record key is 65 bytes, a sensor id has at most 64");
  }

  @Test
  void valueProblemsNameTheByteAndTheReading() {
    assertThat(error(KEY, null)).isEqualTo("record of sensor aq-001 has no value");
    assertThat(error(KEY, new byte[0]))
        .isEqualTo("record of sensor aq-001, value byte 0: truncated: the version needs 1 bytes, 0 left");
    assertThat(error(KEY, patched(0, 2)))
        .isEqualTo("record of sensor aq-001, value byte 0: unsupported version 2, this codec reads 1");
    assertThat(error(KEY, patched(1, 0)))
        .isEqualTo("record of sensor aq-001, value byte 1: reading count 0, a record holds at least one reading");
    assertThat(error(KEY, patched(1, 2)))
        .isEqualTo("record of sensor aq-001, value byte 1: reading count 2 does not fit in the 16 bytes left");
    assertThat(error(KEY, patched(3, 'x')))
        .isEqualTo("record of sensor aq-001, value byte 2: reading 1: unknown quantity 'xm25'");
    assertThat(error(KEY, patched(17, 2)))
        .isEqualTo("record of sensor aq-001, value byte 17: reading 1: reserved flag bits set in 0x2");
    assertThat(error(KEY, Arrays.copyOf(valid(), 19)))
        .isEqualTo("record of sensor aq-001, value byte 18: 1 bytes after the last reading");
    assertThat(error(KEY, Arrays.copyOf(valid(), 12)))
        .isEqualTo("record of sensor aq-001, value byte 1: reading count 1 does not fit in the 10 bytes left");
    assertThat(error(KEY, Arrays.copyOf(valid(), 17)))
        .isEqualTo("record of sensor aq-001, value byte 17: truncated: reading 1 flags needs 1 bytes, 0 left");
  }

  @Test
  void valuesAreCheckedAgainstTheQuantity() {
    byte[] nan = valid();
    ByteBuffer.wrap(nan, 7, 8).putDouble(Double.NaN);
    assertThat(error(KEY, nan))
        .isEqualTo(
            "record of sensor aq-001, value byte 7: reading 1: pm25 value NaN is outside 0.0..2000.0 ug/m3");
    byte[] huge = valid();
    ByteBuffer.wrap(huge, 7, 8).putDouble(2000.5);
    assertThat(error(KEY, huge)).contains("pm25 value 2000.5 is outside 0.0..2000.0 ug/m3");

    Reading beds = new Reading("h-1", Quantity.BEDS_FREE, 3, 0, null);
    byte[] fraction = ReadingRecordCodec.value(new SensorReadings("h-1", List.of(beds)));
    ByteBuffer.wrap(fraction, 3 + "beds_free".length(), 8).putDouble(2.5);
    assertThat(error("h-1".getBytes(US_ASCII), fraction))
        .endsWith("beds_free value 2.5 is outside 0.0..10000.0 count or not whole");
  }

  @Test
  void aPositionOutsideWgs84IsRejected() {
    Reading r = new Reading("bus-7", Quantity.CROWD_DENSITY, 1, 0, new Position(10, 20));
    byte[] value = ReadingRecordCodec.value(new SensorReadings("bus-7", List.of(r)));
    ByteBuffer.wrap(value, value.length - 16, 8).putDouble(91);

    assertThat(error("bus-7".getBytes(US_ASCII), value))
        .endsWith("value byte " + (value.length - 16) + ": reading 1: lat 91.0, lon 20.0 is not a position");
  }

  @Test
  void overlongAndOverflowingVarintsAreRejected() {
    byte[] overflow = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x02};
    assertThat(error(KEY, overflow))
        .isEqualTo("record of sensor aq-001, value byte 1: the reading count: varint overflows 64 bits");
    byte[] endless = new byte[40];
    Arrays.fill(endless, (byte) 0x80);
    endless[0] = 1;
    assertThat(error(KEY, endless)).contains("value byte 1: the reading count: varint overflows 64 bits");
  }

  /** pm25 = 12.5 at t = 1000, no position: 18 bytes. */
  private static byte[] valid() {
    Reading r = new Reading("aq-001", Quantity.PM25, 12.5, 1000, null);
    return ReadingRecordCodec.value(new SensorReadings("aq-001", List.of(r)));
  }

  private static byte[] patched(int index, int b) {
    byte[] value = valid();
    value[index] = (byte) b;
    return value;
  }

  private static SensorReadings decode(String key, byte[] value) {
    try {
      return ReadingRecordCodec.decode(key.getBytes(US_ASCII), value);
    } catch (MalformedRecordException e) {
      throw new AssertionError(e);
    }
  }

  private static String error(byte[] key, byte[] value) {
    try {
      SensorReadings decoded = ReadingRecordCodec.decode(key, value);
      throw new AssertionError("decoded " + decoded);
    } catch (MalformedRecordException e) {
      return e.getMessage();
    }
  }
}
