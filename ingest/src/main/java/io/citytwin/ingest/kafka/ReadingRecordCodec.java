package io.citytwin.ingest.kafka;

import io.citytwin.ingest.telemetry.TelemetryTopic;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka record format of telemetry: key = the sensor id in ASCII, value = that sensor's
 * readings in a small versioned binary form. Pure and thread-safe.
 *
 * <h2>Value, version 1</h2>
 *
 * <pre>
 * value   = version:u8 (1)  count:uvarint (≥ 1)  reading{count}
 * reading = nameLength:u8  name:ASCII (the quantity's canonical name, e.g. "pm25")
 *           value:f64 (canonical unit)  timeDelta:zigzag-varint  flags:u8
 *           [lat:f64  lon:f64]   (present when flags bit 0 is set)
 * </pre>
 *
 * Numbers are big-endian; varints are unsigned LEB128 (at most 10 bytes). {@code timeDelta} is the
 * timestamp in epoch milliseconds minus the previous reading's (0 before the first), with
 * two's-complement wrap-around, so any {@code long} round-trips and a batch costs a byte or two per
 * timestamp. Quantities travel by name, not ordinal, so reordering or extending {@link Quantity}
 * does not change the meaning of stored records. Flag bits other than bit 0 are reserved and
 * rejected; a new field means a new version.
 *
 * <p>Decoding checks everything a {@link Reading} promises (known quantity, finite value within the
 * quantity's range, valid position, legal sensor id) and rejects trailing bytes, so a decoded
 * record is as trustworthy as a freshly validated MQTT message.
 */
public final class ReadingRecordCodec {

  /** The version this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  private static final int HAS_POSITION = 1;
  /** Name length, a one-letter name, value, a one-byte time delta, flags. */
  private static final int MIN_READING_BYTES = 1 + 1 + 8 + 1 + 1;

  private static final byte[][] NAMES = new byte[Quantity.values().length][];

  static {
    for (Quantity q : Quantity.values()) {
      NAMES[q.ordinal()] = q.canonicalName().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private ReadingRecordCodec() {}

  /**
   * The record key of a sensor.
   *
   * @throws IllegalArgumentException if the id is not legal ({@link
   *     TelemetryTopic#isLegalSensorId})
   */
  public static byte[] key(String sensorId) {
    if (!TelemetryTopic.isLegalSensorId(sensorId)) {
      throw new IllegalArgumentException(
          "sensor id " + quote(sensorId) + " is not legal, it cannot be a record key");
    }
    return sensorId.getBytes(StandardCharsets.US_ASCII);
  }

  /** The record value of one sensor's readings. */
  public static byte[] value(SensorReadings sensor) {
    List<Reading> readings = sensor.readings();
    int size = 1 + varintSize(readings.size());
    long previous = 0;
    for (Reading r : readings) {
      size += 1 + NAMES[r.quantity().ordinal()].length + 8;
      size += varintSize(zigzag(r.timestampMillis() - previous)) + 1;
      size += r.position() == null ? 0 : 16;
      previous = r.timestampMillis();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) VERSION);
    putVarint(out, readings.size());
    previous = 0;
    for (Reading r : readings) {
      byte[] name = NAMES[r.quantity().ordinal()];
      out.put((byte) name.length).put(name).putDouble(r.value());
      putVarint(out, zigzag(r.timestampMillis() - previous));
      previous = r.timestampMillis();
      Position p = r.position();
      out.put((byte) (p == null ? 0 : HAS_POSITION));
      if (p != null) {
        out.putDouble(p.lat()).putDouble(p.lon());
      }
    }
    return out.array();
  }

  /**
   * Decodes a record. Never throws anything but the declared exception, whatever the bytes.
   *
   * @param key the record key, may be {@code null}
   * @param value the record value, may be {@code null}
   * @throws MalformedRecordException naming the part of the record that is wrong
   */
  public static SensorReadings decode(byte[] key, byte[] value) throws MalformedRecordException {
    String sensorId = sensorId(key);
    if (value == null) {
      throw new MalformedRecordException("record of sensor " + sensorId + " has no value");
    }
    ByteReader in = new ByteReader(value, sensorId);
    int version = in.u8("the version");
    if (version != VERSION) {
      throw in.error(0, "unsupported version " + version + ", this codec reads " + VERSION);
    }
    long count = in.varint("the reading count");
    if (count < 1) {
      throw in.error(1, "reading count " + count + ", a record holds at least one reading");
    }
    if (count > in.remaining() / MIN_READING_BYTES) {
      throw in.error(
          1, "reading count " + count + " does not fit in the " + in.remaining() + " bytes left");
    }
    List<Reading> readings = new ArrayList<>((int) count);
    long time = 0;
    for (int i = 1; i <= count; i++) {
      Reading r = readReading(in, sensorId, i, time);
      readings.add(r);
      time = r.timestampMillis();
    }
    if (in.remaining() > 0) {
      throw in.error(in.position(), in.remaining() + " bytes after the last reading");
    }
    return new SensorReadings(sensorId, readings);
  }

  /** The sensor id in a record key; see {@link #decode} for the guarantees. */
  public static String sensorId(byte[] key) throws MalformedRecordException {
    if (key == null) {
      throw new MalformedRecordException("record has no key (the sensor id)");
    }
    if (key.length > TelemetryTopic.MAX_SENSOR_ID_LENGTH) {
      throw new MalformedRecordException(
          "record key is "
              + key.length
              + " bytes, a sensor id has at most "
              + TelemetryTopic.MAX_SENSOR_ID_LENGTH);
    }
    char[] chars = new char[key.length];
    for (int i = 0; i < key.length; i++) {
      chars[i] = (char) (key[i] & 0xff);
    }
    String id = new String(chars);
    if (!TelemetryTopic.isLegalSensorId(id)) {
      throw new MalformedRecordException(
          "record key "
              + quote(id)
              + " is not a sensor id (1.."
              + TelemetryTopic.MAX_SENSOR_ID_LENGTH
              + " of A-Z a-z 0-9 - _ . : starting with a letter or digit)");
    }
    return id;
  }

  private static Reading readReading(ByteReader in, String sensorId, int index, long previousTime)
      throws MalformedRecordException {
    String at = "reading " + index;
    int nameAt = in.position();
    String name = in.ascii(in.u8(at + " quantity name length"), at + " quantity name");
    Quantity quantity = Quantity.byName(name);
    if (quantity == null) {
      throw in.error(nameAt, at + ": unknown quantity " + quote(name));
    }
    int valueAt = in.position();
    double value = in.f64(at + " value");
    if (!quantity.admits(value)) {
      throw in.error(
          valueAt,
          String.format(
              "%s: %s value %s is outside %s..%s %s%s",
              at,
              name,
              value,
              quantity.min(),
              quantity.max(),
              quantity.canonicalUnit(),
              quantity.wholeNumber() ? " or not whole" : ""));
    }
    long time = previousTime + unzigzag(in.varint(at + " time"));
    int flagsAt = in.position();
    int flags = in.u8(at + " flags");
    if ((flags & ~HAS_POSITION) != 0) {
      throw in.error(flagsAt, at + ": reserved flag bits set in 0x" + Integer.toHexString(flags));
    }
    Position position = null;
    if (flags == HAS_POSITION) {
      int positionAt = in.position();
      double lat = in.f64(at + " latitude");
      double lon = in.f64(at + " longitude");
      if (!Position.isLatitude(lat) || !Position.isLongitude(lon)) {
        throw in.error(positionAt, at + ": lat " + lat + ", lon " + lon + " is not a position");
      }
      position = new Position(lat, lon);
    }
    return new Reading(sensorId, quantity, value, time, position);
  }

  static long zigzag(long n) {
    return (n << 1) ^ (n >> 63);
  }

  static long unzigzag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static int varintSize(long v) {
    int size = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      size++;
    }
    return size;
  }

  private static void putVarint(ByteBuffer out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.put((byte) v);
  }

  /** Untrusted text for an error message: printable ASCII only, at most 48 characters. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < Math.min(text.length(), 48); i++) {
      char c = text.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (text.length() > 48) {
      sb.append("...(").append(text.length()).append(" chars)");
    }
    return sb.append('\'').toString();
  }

  /** Bounds-checked reads that fail with the byte offset and what was being read. */
  private static final class ByteReader {

    private final byte[] bytes;
    private final String sensorId;
    private int position;

    ByteReader(byte[] bytes, String sensorId) {
      this.bytes = bytes;
      this.sensorId = sensorId;
    }

    int position() {
      return position;
    }

    int remaining() {
      return bytes.length - position;
    }

    MalformedRecordException error(int at, String problem) {
      return new MalformedRecordException(
          "record of sensor " + sensorId + ", value byte " + at + ": " + problem);
    }

    private void need(int n, String what) throws MalformedRecordException {
      if (remaining() < n) {
        throw error(
            position, "truncated: " + what + " needs " + n + " bytes, " + remaining() + " left");
      }
    }

    int u8(String what) throws MalformedRecordException {
      need(1, what);
      return bytes[position++] & 0xff;
    }

    double f64(String what) throws MalformedRecordException {
      need(8, what);
      double d = ByteBuffer.wrap(bytes, position, 8).getDouble();
      position += 8;
      return d;
    }

    String ascii(int length, String what) throws MalformedRecordException {
      need(length, what);
      String s = new String(bytes, position, length, StandardCharsets.ISO_8859_1);
      position += length;
      return s;
    }

    long varint(String what) throws MalformedRecordException {
      int start = position;
      long result = 0;
      for (int shift = 0; ; shift += 7) {
        int b = u8(what);
        if (shift == 63 && b > 1) {
          // The tenth byte holds the 64th bit only; anything more is garbage, not a long.
          throw error(start, what + ": varint overflows 64 bits");
        }
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
    }
  }
}
