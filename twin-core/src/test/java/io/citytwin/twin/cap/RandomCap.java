package io.citytwin.twin.cap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * CAP alerts that keep every CAP rule, drawn from a {@link Random}: all enumeration values, empty
 * and absent optionals, text full of markup characters, CR, tabs, non-BMP characters and
 * surrounding spaces, coordinates at the range limits and with many decimals, every scope and
 * msgType with what it requires. Used to show the writer's output is schema- and rule-valid and
 * reads back equal.
 */
final class RandomCap {
  /** Pieces of text; each is valid XML character data once escaped. */
  private static final String[] TEXT = {
    "a", "Z", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "<", ">", "&", "\"", "'", "]]>", "<!--",
    "&amp;", "<![CDATA[x]]>", "é", "ß", "漢字", "\uD83D\uDE92", "\u00A0", "\uFFFD", "fire", "Rue Grimaldi",
    "Évacuez", "lat,lon", "-00:00", "%20"
  };
  /** Characters an identifier may use: no whitespace, comma, '<' or '&'. */
  private static final String ID_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:@/#>\"'é\uD83D\uDE92";
  private static final String[] LANGUAGES = {"en-US", "fr-CA", "de", "pt-BR", "zh-Hant-TW", "x-klingon"};
  private static final String[] MIME = {"image/png", "text/html", "application/pdf", "application/geo+json"};

  private final Random r;

  RandomCap(Random r) {
    this.r = r;
  }

  CapAlert alert() {
    CapMsgType msgType = pick(CapMsgType.values());
    CapScope scope = pick(CapScope.values());
    CapAlert.Builder b = CapAlert.builder(identifier(), identifier(), time())
        .status(pick(CapStatus.values()))
        .msgType(msgType)
        .scope(scope)
        .source(maybe(this::text));
    if (scope == CapScope.RESTRICTED) {
      b.restriction(nonEmptyText());
    }
    if (scope == CapScope.PRIVATE || r.nextInt(6) == 0) {
      repeat(1, 3, () -> b.address(listItem()));
    }
    repeat(0, 3, () -> b.code(text()));
    b.note(msgType == CapMsgType.ERROR ? nonEmptyText() : maybe(this::text));
    repeat(msgType == CapMsgType.ALERT ? 0 : 1, 3,
        () -> b.reference(new CapReference(identifier(), identifier(), time())));
    repeat(0, 2, () -> b.incident(listItem()));
    repeat(0, 3, () -> b.info(info()));
    return b.build();
  }

  CapInfo info() {
    CapInfo.Builder b = CapInfo.builder(
        text(), pick(CapUrgency.values()), pick(CapSeverity.values()), pick(CapCertainty.values()));
    if (r.nextBoolean()) {
      b.language(pick(LANGUAGES));
    }
    repeat(1, 3, () -> b.category(pick(CapCategory.values())));
    repeat(0, 3, () -> b.responseType(pick(CapResponseType.values())));
    b.audience(maybe(this::text));
    repeat(0, 3, () -> b.eventCode(text(), text()));
    b.times(maybe(this::time), maybe(this::time), maybe(this::time))
        .senderName(maybe(this::text))
        .headline(maybe(this::text))
        .description(maybe(this::text))
        .instruction(maybe(this::text))
        .web(maybe(this::uri))
        .contact(maybe(this::text));
    repeat(0, 4, () -> b.parameter(text(), text()));
    repeat(0, 2, () -> b.resource(resource()));
    repeat(0, 3, () -> b.area(area()));
    return b.build();
  }

  CapArea area() {
    CapArea.Builder b = CapArea.builder(text());
    repeat(0, 2, () -> b.polygon(polygon()));
    repeat(0, 2, () -> b.circle(new CapCircle(point(), radius())));
    repeat(0, 3, () -> b.geocode(text(), text()));
    switch (r.nextInt(3)) {
      case 0 -> b.altitude(decimal(), null);
      case 1 -> {
        BigDecimal floor = decimal();
        b.altitude(floor, floor.add(decimal().abs()));
      }
      default -> { }
    }
    return b.build();
  }

  /** A closed ring of 4 to 13 points around a random centre. */
  CapPolygon polygon() {
    CapPoint centre = point();
    int n = 3 + r.nextInt(10);
    List<CapPoint> ring = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ring.add(r.nextInt(10) == 0 ? point() : new CapPoint(
          clamp(centre.lat() + r.nextGaussian(), 90), clamp(centre.lon() + r.nextGaussian(), 180)));
    }
    ring.add(ring.get(0));
    return new CapPolygon(ring);
  }

  CapPoint point() {
    return switch (r.nextInt(8)) {
      case 0 -> new CapPoint(pick(new double[] {90, -90, 0, 1e-7, -0.0}), pick(new double[] {180, -180, 0, 1e-9}));
      case 1 -> new CapPoint(
          Math.round(r.nextDouble() * 1800 - 900) / 10.0, Math.round(r.nextDouble() * 3600 - 1800) / 10.0);
      default -> new CapPoint(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180);
    };
  }

  private CapResource resource() {
    return new CapResource(text(), pick(MIME), r.nextBoolean() ? null : (long) r.nextInt(Integer.MAX_VALUE),
        maybe(this::uri), maybe(() -> "iVBORw0KGgo" + r.nextInt(1000) + "="),
        maybe(() -> Long.toHexString(r.nextLong())));
  }

  private double radius() {
    return switch (r.nextInt(4)) {
      case 0 -> 0.0;
      case 1 -> r.nextInt(100);
      default -> r.nextDouble() * 500;
    };
  }

  private BigDecimal decimal() {
    return BigDecimal.valueOf(r.nextInt(2_000_000) - 100_000, r.nextInt(4));
  }

  /** 1970..2100 at a random real-world offset (UTC included), sometimes with nanoseconds. */
  OffsetDateTime time() {
    Instant instant = Instant.ofEpochSecond(
        (long) (r.nextDouble() * 4_102_444_800L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
    int quarterHours = r.nextInt(4) == 0 ? 0 : r.nextInt(12 * 4 + 14 * 4 + 1) - 12 * 4;
    return instant.atOffset(ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60));
  }

  String identifier() {
    int n = 1 + r.nextInt(24);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int at = r.nextInt(ID_CHARS.length());
      if (Character.isLowSurrogate(ID_CHARS.charAt(at))) {
        at--;
      }
      b.append(ID_CHARS.charAt(at));
      if (Character.isHighSurrogate(ID_CHARS.charAt(at))) {
        b.append(ID_CHARS.charAt(at + 1));
      }
    }
    return b.toString();
  }

  /** Any text, possibly empty. */
  String text() {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) {
      b.append(pick(TEXT));
    }
    return b.toString();
  }

  private String nonEmptyText() {
    String t = text();
    return t.isEmpty() ? "x" : t;
  }

  /** An address or incident name: non-empty, no double quote, maybe with spaces. */
  private String listItem() {
    String t = nonEmptyText().replace("\"", "'");
    return r.nextBoolean() ? t : identifier().replace("\"", "");
  }

  private String uri() {
    return "https://alerts.example.org/" + identifier().replaceAll("[^A-Za-z0-9._-]", "") + "?v=" + r.nextInt(99);
  }

  private <T> T maybe(Supplier<T> value) {
    return r.nextInt(3) == 0 ? null : value.get();
  }

  private void repeat(int min, int max, Runnable action) {
    for (int i = min + r.nextInt(max - min + 1); i > 0; i--) {
      action.run();
    }
  }

  private <T> T pick(T[] values) {
    return values[r.nextInt(values.length)];
  }

  private double pick(double[] values) {
    return values[r.nextInt(values.length)];
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }
}
