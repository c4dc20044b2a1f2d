package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CapWriterTest {
  private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-24T09:30:15.123456+01:00");
  private final CapParser parser = new CapParser();

  /** A drill fire alert for a Monaco building with every optional element set. */
  static CapAlert full() {
    CapArea area = CapArea.builder("Stade Louis II, Fontvieille")
        .polygon(CapPolygon.of(new CapPoint(43.7276, 7.4151), new CapPoint(43.7281, 7.4172),
            new CapPoint(43.7266, 7.4179), new CapPoint(43.7276, 7.4151)))
        .circle(CapCircle.of(43.7274, 7.4163, 0.25))
        .geocode("ISO 3166-2", "MC-FO")
        .altitude(new BigDecimal("0"), new BigDecimal("150.5"))
        .build();
    CapInfo info = CapInfo.builder("building fire", CapUrgency.IMMEDIATE, CapSeverity.SEVERE, CapCertainty.OBSERVED)
        .language("fr-MC").category(CapCategory.FIRE).category(CapCategory.SAFETY)
        .responseType(CapResponseType.EVACUATE).responseType(CapResponseType.AVOID)
        .audience("public").eventCode("citytwin", "fire")
        .times(SENT, SENT.minusMinutes(2), SENT.plusHours(3))
        .senderName("CityTwin operations centre").headline("Fire at Stade Louis II")
        .description("Smoke detectors 2 & 3 < 60 s apart").instruction("Leave the building")
        .web("https://citytwin.example/incidents/42").contact("+377 93 15 00 00")
        .parameter("incident", "42")
        .resource(new CapResource("map", "image/png", 1024L, "https://citytwin.example/42.png", null, null))
        .area(area)
        .build();
    return CapAlert.builder("citytwin-42-1", "ops@citytwin.example", SENT)
        .status(CapStatus.EXERCISE).msgType(CapMsgType.UPDATE).source("rule smoke-2-of-n")
        .scope(CapScope.RESTRICTED).restriction("agencies only").address("fire brigade").address("ems")
        .code("drill").note("drill 2026-11").reference(new CapReference("ops@citytwin.example", "citytwin-42-0",
            SENT.minusMinutes(1)))
        .incident("42").info(info).build();
  }

  @Test
  void elementsFollowTheSchemaSequence() {
    String xml = CapWriter.write(full());

    assertThat(elementNames(xml)).containsExactly(
        "alert", "identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction",
        "addresses", "code", "note", "references", "incidents",
        "info", "language", "category", "category", "event", "responseType", "responseType", "urgency",
        "severity", "certainty", "audience", "eventCode", "valueName", "value", "effective", "onset",
        "expires", "senderName", "headline", "description", "instruction", "web", "contact",
        "parameter", "valueName", "value",
        "resource", "resourceDesc", "mimeType", "size", "uri",
        "area", "areaDesc", "polygon", "circle", "geocode", "valueName", "value", "altitude", "ceiling");
    assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "full").problems()).isEmpty();
  }

  @Test
  void drillIsAnExerciseInTheCap12Namespace() {
    String xml = CapWriter.write(full());

    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n");
    assertThat(xml).contains("<status>Exercise</status>");
  }

  @Test
  void timesHaveWholeSecondsAndANumericOffsetWithUtcAsMinusZero() {
    String xml = CapWriter.write(full());

    assertThat(xml).contains("<sent>2026-11-24T09:30:15+01:00</sent>");
    assertThat(CapTime.format(OffsetDateTime.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00-00:00");
    assertThat(CapTime.format(OffsetDateTime.parse("2026-01-01T23:59:59.999-09:30")))
        .isEqualTo("2026-01-01T23:59:59-09:30");
    assertThat(CapTime.format(OffsetDateTime.parse("0999-07-04T12:00:00+05:45")))
        .isEqualTo("0999-07-04T12:00:00+05:45");
    assertThat(xml).doesNotContain("Z<");
  }

  @Test
  void polygonsAndCirclesAreLatitudeFirstPlainDecimals() {
    String xml = CapWriter.write(full());
    CapArea tiny = CapArea.builder("near null island")
        .polygon(CapPolygon.of(new CapPoint(1e-7, -1e-9), new CapPoint(-0.0, 1), new CapPoint(1, 180),
            new CapPoint(1e-7, -1e-9)))
        .build();

    assertThat(xml).contains("<polygon>43.7276,7.4151 43.7281,7.4172 43.7266,7.4179 43.7276,7.4151</polygon>");
    assertThat(xml).contains("<circle>43.7274,7.4163 0.25</circle>");
    assertThat(CapText.polygon(tiny.polygons().get(0)))
        .isEqualTo("0.0000001,-0.000000001 0,1 1,180 0.0000001,-0.000000001");
  }

  @Test
  void listsQuoteItemsWithSpacesAndReferencesAreTriples() {
    String xml = CapWriter.write(full());

    assertThat(xml).contains("<addresses>\"fire brigade\" ems</addresses>");
    assertThat(xml).contains("<references>ops@citytwin.example,citytwin-42-0,2026-11-24T09:29:15+01:00</references>");
  }

  @Test
  void textIsEscapedAndReadsBackExactly() {
    String tricky = "a < b && c > d ]]> \"q\" 'a'\r\nline\rCR\ttab \uD83D\uDE92 <!-- x -->";
    CapAlert alert = CapAlert.builder("x", "y", SENT).note(tricky).build();

    String xml = CapWriter.write(alert);

    assertThat(xml).contains("&lt; b &amp;&amp; c &gt; d ]]&gt;").contains("&#13;\nline&#13;CR");
    assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "x").validAlert().orElseThrow().note())
        .isEqualTo(tricky);
  }

  @Test
  void charactersXmlCannotCarryBecomeReplacementCharacters() {
    CapAlert alert = CapAlert.builder("x", "y", SENT).note("nul\u0000 bell\u0007 lone\uD800 end\uFFFF").build();

    CapParseResult read = parser.parse(CapWriter.writeBytes(alert), "x");

    assertThat(read.problems()).isEmpty();
    assertThat(read.validAlert().orElseThrow().note()).isEqualTo("nul\uFFFD bell\uFFFD lone\uFFFD end\uFFFD");
  }

  @Test
  void emptyOptionalTextIsAbsentAndLanguageDefaultsToEnUs() {
    CapInfo info = CapInfo.builder("e", CapUrgency.PAST, CapSeverity.MINOR, CapCertainty.LIKELY)
        .category(CapCategory.OTHER).headline("").build();
    CapAlert alert = CapAlert.builder("x", "y", SENT).note("").info(info).build();

    assertThat(alert.note()).isNull();
    assertThat(info.headline()).isNull();
    assertThat(info.language()).isEqualTo("en-US");
    assertThat(CapWriter.write(alert)).doesNotContain("<note>").doesNotContain("<headline>");
  }

  private static List<String> elementNames(String xml) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("<([a-zA-Z]+)[ >]").matcher(xml);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
