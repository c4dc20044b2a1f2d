package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each CAP rule beyond the schema fires, with the path of the offending element. */
class CapRulesTest {
  private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-24T09:30:00+01:00");
  private final CapParser parser = new CapParser();

  @Test
  void aFullyFilledAlertKeepsEveryRule() {
    assertThat(CapRules.check(CapWriterTest.full())).isEmpty();
    assertThat(CapValidator.validate(CapWriterTest.full())).isEmpty();
  }

  @Test
  void polygonsMustBeClosedRingsOfFourPointsInRange() {
    CapArea area = CapArea.builder("a")
        .polygon(CapPolygon.of(p(1, 1), p(1, 2), p(2, 2), p(2, 1)))
        .polygon(CapPolygon.of(p(1, 1), p(1, 2), p(1, 1)))
        .polygon(CapPolygon.of(p(7.42, 43.73), p(7.43, 43.73), p(97.43, 43.74), p(7.42, 43.73)))
        .polygon(CapPolygon.of(p(1, 1), p(1, 200), p(2, -181), p(1, 1)))
        .build();

    assertThat(messages(withArea(area))).containsExactly(
        "info[0].area[0].polygon[0]: ring not closed: first point 1,1 differs from last point 2,1"
            + " (CAP polygons repeat the first point at the end)",
        "info[0].area[0].polygon[1]: has 3 points; a CAP polygon is a closed ring of at least 4 points,"
            + " the first repeated as the last",
        "info[0].area[0].polygon[2]: point 2 (97.43,43.74): latitude 97.43 is outside -90..90"
            + " (CAP writes latitude first: lat,lon)",
        "info[0].area[0].polygon[3]: point 1 (1,200): longitude 200 is outside -180..180"
            + " (CAP writes latitude first: lat,lon)",
        "info[0].area[0].polygon[3]: 1 more point(s) out of range");
  }

  @Test
  void circlesNeedACentreInRangeAndANonNegativeRadius() {
    CapArea area = CapArea.builder("a")
        .circle(CapCircle.of(43.7, 7.4, 0)).circle(CapCircle.of(91, 7.4, 1)).circle(CapCircle.of(43.7, 7.4, -2))
        .build();

    assertThat(messages(withArea(area))).containsExactly(
        "info[0].area[0].circle[1]: centre 91,7.4: latitude 91 is outside -90..90",
        "info[0].area[0].circle[2]: radius -2 km is negative");
  }

  @Test
  void ceilingOnlyWithAltitudeAndNotBelowIt() {
    CapArea noFloor = CapArea.builder("a").altitude(null, BigDecimal.TEN).build();
    CapArea upsideDown = CapArea.builder("a").altitude(new BigDecimal("500"), new BigDecimal("100.5")).build();

    assertThat(messages(withArea(noFloor))).containsExactly(
        "info[0].area[0]: <ceiling> may only be given together with <altitude>");
    assertThat(messages(withArea(upsideDown))).containsExactly(
        "info[0].area[0]: ceiling 100.5 ft is below altitude 500 ft");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a b       | identifier 'a b' contains a space at position 1",
    "a,b       | identifier 'a,b' contains a comma at position 1",
    "a<b       | identifier 'a<b' contains '<' at position 1",
    "x&amp     | identifier 'x&amp' contains '&' at position 1",
    "tab\tx    | identifier 'tab\tx' contains whitespace U+0009 at position 3",
  })
  void identifiersHaveNoSpacesCommasOrRestrictedCharacters(String identifier, String message) {
    CapAlert alert = CapAlert.builder(identifier.replace("\\t", "\t"), "s", SENT).build();

    assertThat(messages(alert)).singleElement().asString()
        .startsWith("identifier: " + message.replace("\\t", "\t"));
  }

  @Test
  void referencesNeedTheirOwnIdentifierRules() {
    CapAlert alert = CapAlert.builder("i", "s", SENT).msgType(CapMsgType.CANCEL)
        .reference(new CapReference("bad sender", "", SENT)).build();

    assertThat(messages(alert)).containsExactly(
        "references: reference 0 sender 'bad sender' contains a space at position 3; CAP identifiers"
            + " may not contain whitespace, commas, '<' or '&'",
        "references: reference 0 identifier is empty");
  }

  @Test
  void everyMsgTypeButAlertReferencesEarlierMessages() {
    for (CapMsgType type : List.of(CapMsgType.UPDATE, CapMsgType.CANCEL, CapMsgType.ACK, CapMsgType.ERROR)) {
      CapAlert alert = CapAlert.builder("i", "s", SENT).msgType(type).note("n").build();
      assertThat(messages(alert)).containsExactly("msgType: msgType " + type.cap()
          + " must reference the earlier message(s) it applies to in <references> (sender,identifier,sent);"
          + " there are none");
      CapAlert fixed = CapAlert.builder("i", "s", SENT).msgType(type).note("n")
          .reference(new CapReference("s", "i0", SENT.minusHours(1))).build();
      assertThat(CapRules.check(fixed)).isEmpty();
    }
  }

  @Test
  void anErrorWithoutANoteIsAWarningOnly() {
    CapAlert alert = CapAlert.builder("i", "s", SENT).msgType(CapMsgType.ERROR)
        .reference(new CapReference("s", "i0", SENT)).build();

    assertThat(CapRules.check(alert)).singleElement()
        .hasToString("warning: note: msgType Error should explain the rejection in <note>");
  }

  @Test
  void scopeRestrictedNeedsARestrictionAndPrivateNeedsAddresses() {
    CapAlert restricted = CapAlert.builder("i", "s", SENT).scope(CapScope.RESTRICTED).build();
    CapAlert privately = CapAlert.builder("i", "s", SENT).scope(CapScope.PRIVATE).build();
    CapAlert publicWithRestriction = CapAlert.builder("i", "s", SENT).restriction("staff").build();
    CapAlert badAddresses = CapAlert.builder("i", "s", SENT).scope(CapScope.PRIVATE)
        .address("").address("say \"hi\"").build();

    assertThat(messages(restricted)).containsExactly(
        "scope: scope Restricted requires a <restriction> saying who may receive the alert");
    assertThat(messages(privately)).containsExactly("scope: scope Private requires <addresses> naming the recipients");
    assertThat(CapRules.check(publicWithRestriction)).singleElement()
        .hasToString("warning: restriction: is only meaningful with scope Restricted, not Public");
    assertThat(messages(badAddresses)).containsExactly(
        "addresses: item 0 is empty",
        "addresses: item 1 'say \"hi\"' contains a double quote, which the space-delimited list cannot carry");
  }

  @Test
  void infoNeedsACategoryAndALanguageTag() {
    CapInfo info = new CapInfo("en US", List.of(), "e", List.of(), CapUrgency.PAST, CapSeverity.MINOR,
        CapCertainty.LIKELY, null, List.of(), null, null, null, null, null, null, null, null, null,
        List.of(), List.of(), List.of());

    assertThat(messages(CapAlert.builder("i", "s", SENT).info(info).build())).containsExactly(
        "info[0]: at least one <category> is required",
        "info[0].language: 'en US' is not an RFC 3066 language tag such as en-US");
  }

  @Test
  void theValidatorAlsoRunsTheSchemaOnWhatWouldBePublished() {
    CapInfo info = new CapInfo("en US", List.of(), "e", List.of(), CapUrgency.PAST, CapSeverity.MINOR,
        CapCertainty.LIKELY, null, List.of(), null, null, null, null, null, null, null, null, null,
        List.of(), List.of(), List.of());

    List<CapProblem> problems = CapValidator.validate(CapAlert.builder("i", "s", SENT).info(info).build());

    assertThat(problems).extracting(CapProblem::path).contains("info[0].language", "info[0].event");
    assertThat(problems).allMatch(p -> p.line() > 0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "2010-08-31T00:09:25Z      | '2010-08-31T00:09:25Z' uses the letter Z; CAP requires a numeric zone offset",
    "2010-08-31T00:09:25.5-05:00 | '2010-08-31T00:09:25.5-05:00' has fractional seconds; CAP times are whole seconds",
    "2010-08-31T00:09:25       | '2010-08-31T00:09:25' has no zone offset; CAP requires one",
    "2010-02-30T00:09:25-05:00 | cvc-datatype-valid.1.2.1: '2010-02-30T00:09:25-05:00' is not a valid value",
  })
  void cap11TimesFollowTheCapFormTooThoughItsSchemaIsLaxer(String sent, String message) {
    CapParseResult read = parser.parse(cap11WithSent(sent), "t");

    assertThat(read.errors()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("sent");
      assertThat(p.message()).startsWith(message);
    });
    assertThat(read.alert()).isEmpty();
  }

  @Test
  void endOfDayMidnightIsTheNextDaysStart() {
    CapAlert alert = parser.parse(cap11WithSent("2010-12-31T24:00:00-05:00"), "t").validAlert().orElseThrow();

    assertThat(alert.sent()).isEqualTo(OffsetDateTime.parse("2011-01-01T00:00:00-05:00"));
  }

  @Test
  void plusZeroUtcIsFineIn11AndAWarningIn12() {
    byte[] cap11 = cap11WithSent("2010-08-31T00:09:25+00:00");
    byte[] cap12 = new String(cap11, StandardCharsets.UTF_8).replace("cap:1.1", "cap:1.2")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(cap11, "11").problems()).isEmpty();
    CapParseResult read12 = parser.parse(cap12, "12");
    assertThat(read12.isValid()).isTrue();
    assertThat(read12.warnings()).extracting(CapProblem::path).containsExactly("sent");
  }

  @Test
  void textLevelSyntaxErrorsNameThePieceAndItsPosition() {
    String xml = """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>x</identifier><sender>s</sender><sent>2010-01-01T00:00:00-00:00</sent>
          <status>Test</status><msgType>Update</msgType><scope>Public</scope>
          <references>s,a,2010-01-01T00:00:00-00:00 s,b</references>
          <incidents>"never closed</incidents>
          <info><category>Met</category><event>e</event><urgency>Past</urgency>
            <severity>Minor</severity><certainty>Observed</certainty>
            <area><areaDesc>a</areaDesc>
              <polygon>1,1 1,2 2,NaN 1,1</polygon><circle>1,1</circle><circle>1,1 1e3</circle>
            </area>
          </info>
        </alert>""";

    assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "x").errors()).map(CapProblem::toString)
        .containsExactly(
            "references (line 4): reference 1 's,b' is not sender,identifier,sent",
            "incidents (line 5): item 0: opening double quote is never closed",
            "info[0].area[0].polygon[0] (line 9): point 2: longitude 'NaN' is not a decimal number",
            "info[0].area[0].circle[0] (line 9): '1,1' is not 'latitude,longitude radius'",
            "info[0].area[0].circle[1] (line 9): radius '1e3' is not a decimal number");
  }

  @Test
  void everyProblemIsListedEvenWhenAnInfoCannotBeBuilt() {
    String xml = """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>x y</identifier><sender>s</sender><sent>2010-01-01T00:00:00-00:00</sent>
          <status>Test</status><msgType>Cancel</msgType><scope>Public</scope>
          <info><category>Met</category><event>e</event><urgency>Soon</urgency>
            <severity>Minor</severity><certainty>Observed</certainty>
            <area><areaDesc>a</areaDesc><polygon>1,1 1,2 2,2</polygon></area>
          </info>
        </alert>""";

    CapParseResult read = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "x");

    assertThat(read.alert()).isEmpty();
    assertThat(read.errors()).extracting(CapProblem::path)
        .containsExactly("identifier", "msgType", "info[0].urgency", "info[0].area[0].polygon[0]");
  }

  private List<String> messages(CapAlert alert) {
    List<CapProblem> problems = CapRules.check(alert);
    return problems.stream().map(CapProblem::toString).toList();
  }

  private static CapAlert withArea(CapArea area) {
    return CapAlert.builder("i", "s", SENT)
        .info(CapInfo.builder("e", CapUrgency.PAST, CapSeverity.MINOR, CapCertainty.LIKELY)
            .category(CapCategory.GEO).area(area).build())
        .build();
  }

  private static CapPoint p(double lat, double lon) {
    return new CapPoint(lat, lon);
  }

  private static byte[] cap11WithSent(String sent) {
    return ("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.1'><identifier>x</identifier>"
        + "<sender>s</sender><sent>" + sent + "</sent><status>Test</status><msgType>Alert</msgType>"
        + "<scope>Public</scope></alert>").getBytes(StandardCharsets.UTF_8);
  }
}
