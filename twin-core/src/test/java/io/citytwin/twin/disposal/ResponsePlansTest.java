package io.citytwin.twin.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.ClosureRule;
import io.citytwin.twin.incident.EscalationRole;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ResponsePlansTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MONACO = "/cities/monaco/response-plans.json";

  static String monacoText() throws Exception {
    try (InputStream in = ResponsePlansTest.class.getResourceAsStream(MONACO)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ResponsePlans read(String text) {
    return ResponsePlanFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "plans.json");
  }

  /** The Monaco file with one edit applied, read back. */
  private static PlanInputException broken(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(monacoText());
    edit.accept(root);
    return catchThrowableOfType(PlanInputException.class, () -> read(JSON.writeValueAsString(root)));
  }

  private static ObjectNode plan(ObjectNode root, int i) {
    return (ObjectNode) root.get("plans").get(i);
  }

  private static ObjectNode task(ObjectNode root, int plan, int task) {
    return (ObjectNode) plan(root, plan).get("tasks").get(task);
  }

  @Test
  void monacoHasAPlanForEveryIncidentTypeAtEverySeverity() {
    ResponsePlans monaco = ResponsePlans.builtIn("monaco");
    assertThat(monaco.city()).isEqualTo("monaco");
    for (IncidentType t : IncidentType.values()) {
      for (Severity s : Severity.values()) {
        assertThat(monaco.tasksFor(t, s)).as("%s at %s", t, s).isNotEmpty();
      }
    }
    // Every on-site task of an agency with bases gets an arrival SLA no shorter than its turnout.
    for (var p : monaco.plans()) {
      for (TaskSpec task : p.tasks()) {
        monaco.agencies().get(task.agency()).baseSpec().filter(b -> task.onSite())
            .ifPresent(b -> assertThat(task.arriveWithin()).isGreaterThan(b.turnout()));
      }
    }
  }

  @Test
  void aBuildingFireGetsEveryAgencyOnceItIsSevere() {
    ResponsePlans monaco = ResponsePlans.builtIn("monaco");
    List<TaskSpec> moderate = monaco.tasksFor(IncidentType.FIRE, Severity.MODERATE);
    assertThat(moderate).extracting(TaskSpec::agency)
        .containsExactly(Agency.FIRE, Agency.EMS, Agency.POLICE, Agency.TRAFFIC);
    List<TaskSpec> severe = monaco.tasksFor(IncidentType.FIRE, Severity.SEVERE);
    assertThat(severe).extracting(TaskSpec::agency).containsExactlyInAnyOrder(
        Agency.FIRE, Agency.EMS, Agency.POLICE, Agency.TRAFFIC, Agency.FIRE, Agency.UTILITIES, Agency.HEALTH);
    assertThat(monaco.tasksAdded(IncidentType.FIRE, Severity.MODERATE, Severity.SEVERE))
        .isEqualTo(severe.subList(moderate.size(), severe.size()));
    assertThat(monaco.tasksAdded(IncidentType.FIRE, Severity.SEVERE, Severity.MINOR)).isEmpty();

    TaskSpec engine = moderate.get(0);
    assertThat(engine.onSite()).isTrue();
    // NFPA 1710: 80 s turnout + 240 s travel for the first engine.
    assertThat(engine.arriveWithin()).isEqualTo(Duration.ofSeconds(80 + 240));
    assertThat(engine.ackWithin()).isEqualTo(Duration.ofSeconds(60));
    assertThat(engine.escalation()).extracting(e -> e.to())
        .containsExactly(EscalationRole.DUTY_SUPERVISOR, EscalationRole.OPERATIONS_COMMANDER);
    assertThat(monaco.agencies().get(Agency.FIRE).base().baseKind()).isEqualTo(PoiKind.FIRE_STATION);
    assertThat(monaco.agencies().get(Agency.EMS).base().baseKind()).isEqualTo(PoiKind.HOSPITAL);
    assertThat(monaco.agencies().get(Agency.POLICE).base().baseKind()).isEqualTo(PoiKind.POLICE);
    assertThat(monaco.closureRule(IncidentType.TRAFFIC_ACCIDENT).orElseThrow().mode())
        .isEqualTo(ClosureRule.Mode.SEGMENT);
    assertThat(monaco.closureRule(IncidentType.DISEASE_CLUSTER)).isEmpty();
  }

  @Test
  void errorsNameTheFileThePlanTheTaskAndTheField() throws Exception {
    PlanInputException e = broken(r -> task(r, 0, 2).put("ackWithin", "sixty"));
    assertThat(e).hasMessage("plans.json: plan 'fire' (plans[0]), task [2], field 'ackWithin': "
        + "must be an ISO-8601 duration like PT60S or PT8M, found 'sixty'");
    assertThat(e.where()).isEqualTo("plan 'fire' (plans[0]), task [2]");
    assertThat(e.field()).isEqualTo("ackWithin");

    assertThat(broken(r -> task(r, 1, 0).remove("arriveWithin")))
        .hasMessageContaining("plan 'fire-severe' (plans[1]), task [0], field 'arriveWithin': missing");
    assertThat(broken(r -> task(r, 0, 3).put("arriveWithin", "PT5M")))
        .hasMessageContaining("task [3], field 'arriveWithin': only on-site tasks have an arrival SLA");
    assertThat(broken(r -> task(r, 0, 0).put("agency", "army")))
        .hasMessageContaining("field 'agency': unknown agency 'army'");
    assertThat(broken(r -> task(r, 0, 0).put("ackWithn", "PT1M")))
        .hasMessageContaining("field 'ackWithn': unknown member");
    assertThat(broken(r -> task(r, 0, 0).putArray("basis").add("nfpa9999")))
        .hasMessageContaining("field 'basis': element [0] must name a key of 'sources', found 'nfpa9999'");
    assertThat(broken(r -> plan(r, 1).put("minSeverity", "minor")))
        .hasMessageContaining("plan 'fire-severe' (plans[1]), field 'minSeverity': another plan already covers fire from minor");
    assertThat(broken(r -> plan(r, 1).put("id", "fire")))
        .hasMessageContaining("plan 'fire' (plans[1]), field 'id': duplicate plan id");
    assertThat(broken(r -> ((ObjectNode) r.get("agencies").get("fire")).put("base", "castle")))
        .hasMessageContaining("agency 'fire', field 'base': unknown POI kind 'castle'");
    assertThat(broken(r -> ((ArrayNode) r.get("agencies").get("ems").get("escalation")).removeAll()))
        .hasMessageContaining("agency 'ems', field 'escalation': must list 1..5 levels, found 0");
    assertThat(broken(r -> ((ObjectNode) r.get("agencies").get("police").get("escalation").get(1)).put("to", "mayor")))
        .hasMessageContaining("agency 'police', escalation [1], field 'to': unknown escalation role 'mayor'");
    assertThat(broken(r -> r.put("version", 2))).hasMessageContaining("field 'version': unsupported version 2");
    assertThat(broken(r -> ((ObjectNode) r.get("agencies")).remove("health")))
        .hasMessageContaining("field 'agency': agency 'health' is not defined under 'agencies'");
    assertThat(broken(r -> {
      ArrayNode plans = (ArrayNode) r.get("plans");
      for (int i = plans.size() - 1; i >= 0; i--) {
        if (plans.get(i).get("type").asText().equals("disease_cluster")) {
          plans.remove(i);
        }
      }
    })).hasMessage("plans.json: field 'plans': no plan for incident type 'disease_cluster' from severity minor "
        + "(every type needs one)");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> read("{\n  \"version\": 1,\n  \"city\": \"x\",,\n}"))
        .isInstanceOf(PlanInputException.class)
        .hasMessageStartingWith("plans.json: line 3, column")
        .hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> read("")).isInstanceOf(PlanInputException.class).hasMessageContaining("empty document");
    assertThatThrownBy(() -> read("[]")).isInstanceOf(PlanInputException.class)
        .hasMessage("plans.json: must be a JSON object, found an array");
  }

  @Test
  void aCityWithoutPlansIsNamed() {
    assertThatThrownBy(() -> ResponsePlans.builtIn("atlantis"))
        .isInstanceOf(PlanInputException.class)
        .hasMessageContaining("cities/atlantis/response-plans.json").hasMessageContaining("no response plans");
  }
}
