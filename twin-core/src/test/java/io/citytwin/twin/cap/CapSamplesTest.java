package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/**
 * The real messages from several agencies: the valid ones (CAP 1.2 and 1.1) import without a
 * problem and survive a rewrite as CAP 1.2; the invalid ones are rejected with the reason.
 */
class CapSamplesTest {
  private final CapParser parser = new CapParser();

  @ParameterizedTest
  @FieldSource("io.citytwin.twin.cap.Samples#VALID")
  void validSamplesParseCleanlyAndRewriteAsEqualCap12(String name) {
    CapParseResult read = parser.parse(Samples.bytes(name), name);

    assertThat(read.problems()).isEmpty();
    assertThat(read.isValid()).isTrue();
    CapAlert alert = read.validAlert().orElseThrow();

    CapParseResult rewritten = parser.parse(CapWriter.writeBytes(alert), name + " as 1.2");
    assertThat(rewritten.version()).isEqualTo(CapVersion.V1_2);
    assertThat(rewritten.problems()).isEmpty();
    assertThat(rewritten.alert()).contains(alert);
  }

  @ParameterizedTest
  @FieldSource("io.citytwin.twin.cap.Samples#INVALID")
  void invalidSamplesAreRejectedWithAReason(String name) {
    CapParseResult read = parser.parse(Samples.bytes(name), name);

    assertThat(read.isValid()).isFalse();
    assertThat(read.validAlert()).isEmpty();
    assertThat(read.errors()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.line()).isPositive();
      assertThat(p.path()).isNotBlank();
      assertThat(p.message()).isNotBlank();
    });
    assertThat(read.rejectionReason()).isNotBlank();
  }

  @Test
  void canadianUpdateKeepsEverythingTheMessageSays() {
    CapAlert a = parser.parse(Samples.bytes("canada.cap"), "canada.cap").validAlert().orElseThrow();

    assertThat(a.identifier()).isEqualTo("2.49.0.1.124.6bddbc91.2012");
    assertThat(a.sent()).isEqualTo(OffsetDateTime.parse("2012-05-02T23:21:04Z"));
    assertThat(a.msgType()).isEqualTo(CapMsgType.UPDATE);
    assertThat(a.codes()).containsExactly("profile:CAP-CP:0.4", "layer:EC-MSC-SMC:1.0", "layer:SOREM:1.0");
    // <restriction/>, <addresses/>, <note/>, <incidents/> are present but empty: absent.
    assertThat(a.restriction()).isNull();
    assertThat(a.addresses()).isEmpty();
    assertThat(a.references()).containsExactly(
        new CapReference("cap@ec.gc.ca", "2.49.0.1.124.a3f342a4.2012", OffsetDateTime.parse("2012-05-02T21:45:05Z")),
        new CapReference("cap@ec.gc.ca", "2.49.0.1.124.60f31a3a.2012", OffsetDateTime.parse("2012-05-02T21:55:21Z")));
    assertThat(a.infos()).extracting(CapInfo::language).containsExactly("en-CA", "fr-CA");
    CapInfo fr = a.infos().get(1);
    assertThat(fr.headline()).isEqualTo("veille d'orages violents");
    assertThat(fr.responseTypes()).containsExactly(CapResponseType.ALL_CLEAR);
    CapArea windsor = fr.areas().get(0);
    assertThat(windsor.areaDesc()).isEqualTo("Windsor - Leamington - comté d'Essex");
    CapPolygon ring = windsor.polygons().get(0);
    assertThat(ring.points()).hasSize(17).first().isEqualTo(new CapPoint(42.3481, -82.9314));
    assertThat(ring.isClosedRing()).isTrue();
    assertThat(windsor.geocodes()).hasSize(10).first()
        .isEqualTo(new CapValuePair("layer:EC-MSC-SMC:1.0:CLC", "041420"));
  }

  @Test
  void prefixedAustralianAlertWithCirclesAndResources() {
    CapAlert a = parser.parse(Samples.bytes("australia.cap"), "australia.cap").validAlert().orElseThrow();

    assertThat(a.sent().getOffset().getTotalSeconds()).isEqualTo(10 * 3600);
    CapInfo info = a.infos().get(0);
    assertThat(info.categories()).containsExactly(CapCategory.FIRE, CapCategory.MET);
    assertThat(info.parameters()).contains(new CapValuePair("AllocatedResources", ""));
    assertThat(info.resources()).containsExactly(new CapResource("map", "text/html", null,
        "http://www.rfs.nsw.gov.au/dsp_content.cfm?CAT_ID=683", null, null));
    assertThat(info.areas().get(0).circles()).containsExactly(CapCircle.of(-35.3888, 147.0598, 25.0));
    // The description carries HTML as escaped text; it is kept as text.
    assertThat(info.description()).startsWith("ALERT LEVEL: Not Applicable<br />LOCATION:");
  }

  @Test
  void tsunamiWarningReferencesItsPredecessorAndNamesItsIncident() {
    CapAlert a = parser.parse(Samples.bytes("wcatwc-warning.cap"), "w").validAlert().orElseThrow();

    assertThat(a.references()).containsExactly(
        new CapReference("PAAQ", "PAAQ-1-lqw6d6", OffsetDateTime.parse("2011-09-02T10:55:55Z")));
    assertThat(a.incidents()).containsExactly("lqw6d6");
    CapInfo info = a.infos().get(0);
    assertThat(info.language()).as("absent <language> is CAP's default").isEqualTo("en-US");
    assertThat(info.onset()).isEqualTo(OffsetDateTime.parse("2011-09-02T11:36:50Z"));
    assertThat(info.areas().get(0).polygons()).isEmpty();
    assertThat(info.resources()).hasSize(3);
  }

  @Test
  void cap11MessagesMapOntoTheSameModel() {
    CapParseResult quake = parser.parse(Samples.bytes("earthquake.cap"), "earthquake.cap");
    CapParseResult minimal = parser.parse(Samples.bytes("no_optional_fields.cap"), "n");

    assertThat(quake.version()).isEqualTo(CapVersion.V1_1);
    CapInfo info = quake.validAlert().orElseThrow().infos().get(0);
    assertThat(info.certainty()).isEqualTo(CapCertainty.LIKELY);
    assertThat(info.eventCodes()).containsExactly(new CapValuePair("SAME", "EQW"));
    assertThat(info.areas().get(0).circles()).containsExactly(CapCircle.of(-16.053, -173.274, 0.0));
    assertThat(minimal.validAlert().orElseThrow().infos()).isEmpty();
  }

  @Test
  void cap11ResourceWithoutMimeTypeAndFreeTextAltitudeMapToCap12() {
    String xml = """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.1">
          <identifier>x</identifier><sender>s</sender><sent>2010-01-01T00:00:00+00:00</sent>
          <status>Test</status><msgType>Alert</msgType><scope>Public</scope>
          <info><category>Met</category><event>e</event><urgency>Past</urgency>
            <severity>Minor</severity><certainty>Observed</certainty>
            <resource><resourceDesc>chart</resourceDesc></resource>
            <area><areaDesc>a</areaDesc><altitude> 1200.50 </altitude><ceiling>nine</ceiling></area>
          </info>
        </alert>""";

    CapParseResult read = parser.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x");

    assertThat(read.problems()).as("1.1 allows +00:00; its altitude is free text but must be a number here")
        .singleElement().satisfies(p -> {
          assertThat(p.path()).isEqualTo("info[0].area[0].ceiling");
          assertThat(p.message()).contains("'nine' is not a decimal number");
        });
    String fixed = xml.replace("nine", "1500");
    CapInfo info = parser.parse(fixed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x")
        .validAlert().orElseThrow().infos().get(0);
    assertThat(info.resources().get(0).mimeType()).isEqualTo("application/octet-stream");
    assertThat(info.areas().get(0).altitude()).isEqualTo(new BigDecimal("1200.50"));
  }

  @Test
  void invalidSamplesNameTheirActualFaults() {
    assertThat(reasons("invalid.cap"))
        .anySatisfy(p -> assertThat(p).startsWith("info[0] (line 9):")
            .contains("One of '{source, scope}' is expected"));
    assertThat(parser.parse(Samples.bytes("invalid.cap"), "i").warnings())
        .singleElement().hasToString("warning: sent (line 5): '2010-08-31T00:09:25+00:00' writes UTC as +00:00;"
            + " CAP 1.2 requires -00:00");

    assertThat(reasons("canada_errors.cap")).containsExactly(
        "msgType (line 7): msgType Update must reference the earlier message(s) it applies to in"
            + " <references> (sender,identifier,sent); there are none");

    assertThat(reasons("noaa_errors.cap")).satisfiesExactly(
        p -> assertThat(p).startsWith("info[0].urgency (line 17): cvc-enumeration-valid: Value ''"),
        p -> assertThat(p).startsWith("info[0].severity (line 18): cvc-enumeration-valid: Value ''"),
        p -> assertThat(p).startsWith("info[0].certainty (line 19): cvc-enumeration-valid: Value ''"),
        p -> assertThat(p).isEqualTo("info[0].area[0].polygon[0] (line 66): point 6: '+40.85,-118.09,'"
            + " is not a latitude,longitude pair"),
        p -> assertThat(p).startsWith("info[0].area[0].polygon[1] (line 67): has 0 points;"));
  }

  private List<String> reasons(String name) {
    return parser.parse(Samples.bytes(name), name).errors().stream().map(CapProblem::toString).toList();
  }
}
