package io.citytwin.twin.cap;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CAP date-time values (CAP 1.2 §3.3.2): {@code YYYY-MM-DDThh:mm:ss±hh:mm}, whole seconds, a
 * numeric zone offset and never the letter {@code Z}; UTC is written {@code -00:00}. Pure
 * functions, thread-safe.
 */
public final class CapTime {
  /** The largest zone offset xs:dateTime accepts. */
  static final int MAX_OFFSET_SECONDS = 14 * 3600;

  private static final Pattern FORM =
      Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)([+-])(\\d\\d):(\\d\\d)");

  private CapTime() {}

  /**
   * The value a CAP model keeps: truncated to whole seconds (CAP has no fractions); an offset with
   * a seconds part (historical local mean time) is replaced by UTC for the same instant.
   *
   * @throws IllegalArgumentException for a year outside 1..9999 or an offset beyond ±14:00, which
   *     CAP (xs:dateTime with a four-digit year) cannot carry
   */
  public static OffsetDateTime normalize(OffsetDateTime t) {
    OffsetDateTime s = t.truncatedTo(ChronoUnit.SECONDS);
    if (s.getOffset().getTotalSeconds() % 60 != 0) {
      s = s.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (Math.abs(s.getOffset().getTotalSeconds()) > MAX_OFFSET_SECONDS) {
      throw new IllegalArgumentException("zone offset " + s.getOffset() + " is beyond ±14:00: " + t);
    }
    if (s.getYear() < 1 || s.getYear() > 9999) {
      throw new IllegalArgumentException("year " + s.getYear() + " is outside 1..9999: " + t);
    }
    return s;
  }

  /** {@code t} in CAP form, e.g. {@code 2026-11-24T09:30:00+01:00}; UTC as {@code -00:00}. */
  public static String format(OffsetDateTime t) {
    OffsetDateTime s = normalize(t);
    int offset = s.getOffset().getTotalSeconds();
    int minutes = Math.abs(offset) / 60;
    return String.format(
        "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:%02d",
        s.getYear(), s.getMonthValue(), s.getDayOfMonth(), s.getHour(), s.getMinute(),
        s.getSecond(), offset > 0 ? "+" : "-", minutes / 60, minutes % 60);
  }

  /**
   * Reads a CAP date-time.
   *
   * @return the value, never null
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static OffsetDateTime parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(describeBadForm(text));
    }
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = Integer.parseInt(m.group(6));
    int offsetMinutes = Integer.parseInt(m.group(8)) * 60 + Integer.parseInt(m.group(9));
    if (Integer.parseInt(m.group(9)) > 59 || offsetMinutes * 60 > MAX_OFFSET_SECONDS) {
      throw new IllegalArgumentException("'" + text + "' has zone offset outside -14:00..+14:00");
    }
    // xs:dateTime allows 24:00:00 for the end of a day, which is 00:00:00 of the next.
    boolean endOfDay = hour == 24 && minute == 0 && second == 0;
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)), endOfDay ? 0 : hour, minute, second);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((m.group(7).equals("-") ? -60 : 60) * offsetMinutes);
      return normalize(OffsetDateTime.of(endOfDay ? local.plusDays(1) : local, offset));
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid date and time", e);
    }
  }

  /** True when {@code text} (already in CAP form) writes UTC as {@code +00:00}. */
  static boolean isPlusZeroUtc(String text) {
    return text.endsWith("+00:00");
  }

  private static String describeBadForm(String text) {
    String shown = "'" + CapText.abbreviate(text) + "'";
    if (text.endsWith("Z") || text.endsWith("z")) {
      return shown + " uses the letter Z; CAP requires a numeric zone offset (-00:00 for UTC)";
    }
    if (text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+.*")) {
      return shown + " has fractional seconds; CAP times are whole seconds (YYYY-MM-DDThh:mm:ss±hh:mm)";
    }
    if (text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")) {
      return shown + " has no zone offset; CAP requires one (YYYY-MM-DDThh:mm:ss±hh:mm)";
    }
    return shown + " is not a CAP date and time (YYYY-MM-DDThh:mm:ss±hh:mm)";
  }
}
