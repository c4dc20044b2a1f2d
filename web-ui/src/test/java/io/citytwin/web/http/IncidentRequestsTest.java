package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.agency.Agency;
import io.citytwin.web.incidents.Acknowledgement;
import io.citytwin.web.incidents.IncidentFilter;
import io.citytwin.web.incidents.Remark;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Parameters and bodies of the incident routes: what is accepted, and that garbage fails clearly. */
class IncidentRequestsTest {

  @Test
  void aFilterFromEveryParameter() {
    MultiMap q = MultiMap.caseInsensitiveMultiMap().add("status", "open").add("type", "FIRE").add("active", "true")
        .add("exercise", "False").add("unrelated", "ignored");
    IncidentFilter f = IncidentRequests.filter(q);
    assertThat(f).isEqualTo(new IncidentFilter("open", io.citytwin.twin.incident.IncidentType.FIRE, true, false));
    assertThat(IncidentRequests.filter(MultiMap.caseInsensitiveMultiMap())).isEqualTo(IncidentFilter.ALL);
  }

  @Test
  void emptyAndBlankBodiesAreNoRemark() {
    assertThat(IncidentRequests.remark(null)).isEqualTo(Remark.NONE);
    assertThat(IncidentRequests.remark(Buffer.buffer(" \n"))).isEqualTo(Remark.NONE);
    assertThat(IncidentRequests.remark(Buffer.buffer("{\"by\":\" \",\"note\":null}"))).isEqualTo(Remark.NONE);
    assertThat(IncidentRequests.acknowledgement("INC-1", "T-1", Buffer.buffer("{\"agency\":\"Fire\",\"by\":\"crew 2\"}")))
        .isEqualTo(new Acknowledgement("INC-1", "T-1", Agency.FIRE, "crew 2"));
  }

  @Test
  void idsAreWhatThePlatformIssues() {
    assertThat(IncidentRequests.id("id", "INC-20261124-0001")).isEqualTo("INC-20261124-0001");
    assertThat(IncidentRequests.id("taskId", "t.1:a~b@c+d=e_f")).isEqualTo("t.1:a~b@c+d=e_f");
    assertThatThrownBy(() -> IncidentRequests.id("id", "")).isInstanceOf(BadParameterException.class);
    assertThatThrownBy(() -> IncidentRequests.id("id", "../etc")).isInstanceOf(BadParameterException.class);
    assertThatThrownBy(() -> IncidentRequests.id("id", "a/b")).isInstanceOf(BadParameterException.class);
  }

  /** Whatever the bytes, a body is read or refused with a 400 naming the problem; nothing else escapes. */
  @Property(tries = 1000, seed = "20261124")
  void garbageBodiesAreRefusedWithAReason(@ForAll("bodies") String body) {
    try {
      Acknowledgement ack = IncidentRequests.acknowledgement("INC-1", "T-1", Buffer.buffer(body));
      assertThat(ack.by() == null || (!ack.by().isBlank() && ack.by().length() <= IncidentRequests.MAX_BY_CHARS)).isTrue();
    } catch (BadParameterException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.source()).isEqualTo(BadParameterException.Source.BODY);
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> member = Arbitraries.of("by", "agency", "note", "x", "");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(250).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
        Arbitraries.of("null", "1", "true", "[]", "{}", "\"fire\"", "\"EMS\"", "\"navy\""));
    Arbitrary<String> object = Arbitraries.maps(member, value).ofMaxSize(3).map(m -> {
      StringBuilder s = new StringBuilder("{");
      m.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return s.append('}').toString();
    });
    return Arbitraries.oneOf(object, Arbitraries.strings().ofMaxLength(60),
        object.map(o -> o.substring(0, o.length() / 2)), Arbitraries.of("[]", "42", "\"x\"", "null", "{\"by\":\"a\"}{"));
  }
}
