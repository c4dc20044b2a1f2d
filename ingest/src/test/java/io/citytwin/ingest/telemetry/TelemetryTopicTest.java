package io.citytwin.ingest.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryTopicTest {

    @ParameterizedTest
    @ValueSource(strings = {"aq-001", "s-17", "urn:dev:mac:0024befffe804ff1", "Hosp_3.bed.A", "7"})
    void extractsTheSensorId(String id) {
        assertThat(TelemetryTopic.parse("citytwin/v1/sensors/" + id + "/telemetry"))
                .isEqualTo(new TelemetryTopic(id));
        assertThat(TelemetryTopic.topicFor(id)).isEqualTo("citytwin/v1/sensors/" + id + "/telemetry");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "citytwin/v1/sensors/+/telemetry",
        "citytwin/v1/sensors/#/telemetry",
        "citytwin/v1/sensors/a+b/telemetry",
        "citytwin/v1/sensors//telemetry",
        "citytwin/v1/sensors/a/b/telemetry",
        "citytwin/v1/sensors/$SYS/telemetry",
        "citytwin/v1/sensors/-lead/telemetry",
        "citytwin/v1/sensors/with space/telemetry",
        "citytwin/v1/sensors/caf\u00e9/telemetry",
        "citytwin/v1/sensors/nul\u0000/telemetry",
        "citytwin/v2/sensors/aq-001/telemetry",
        "citytwin/v1/sensors/aq-001/status",
        "citytwin/v1/sensors/aq-001/telemetry/extra",
        "/citytwin/v1/sensors/aq-001/telemetry",
        "citytwin/v1/sensors/telemetry",
        "citytwin/v1/sensors/",
        ""})
    void rejectsEverythingElse(String topic) {
        TopicResult result = TelemetryTopic.parse(topic);
        assertThat(result).isInstanceOf(Rejection.class);
        Rejection rejection = (Rejection) result;
        assertThat(rejection.reason()).isEqualTo(RejectReason.BAD_TOPIC);
        assertThat(rejection.detail()).doesNotContain("\u0000");
    }

    @Test
    void namesTheProblem() {
        assertThat(((Rejection) TelemetryTopic.parse("citytwin/v1/sensors/a+b/telemetry")).detail())
                .contains("illegal character '+' at index 1");
        assertThat(((Rejection) TelemetryTopic.parse("citytwin/v1/sensors//telemetry")).detail())
                .contains("sensor id is empty");
        assertThat(((Rejection) TelemetryTopic.parse("citytwin/v1/sensors/" + "x".repeat(65) + "/telemetry")).detail())
                .contains("65 characters, limit is 64");
        assertThat(((Rejection) TelemetryTopic.parse(null)).detail()).isEqualTo("no topic");
    }

    @Test
    void sixtyFourCharactersIsTheLimit() {
        assertThat(TelemetryTopic.isLegalSensorId("x".repeat(64))).isTrue();
        assertThat(TelemetryTopic.isLegalSensorId("x".repeat(65))).isFalse();
    }

    @Test
    void illegalIdsCannotBeConstructed() {
        assertThatThrownBy(() -> new TelemetryTopic("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelemetryTopic.topicFor("+")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscriptionCoversEveryTopic() {
        assertThat(TelemetryTopic.SUBSCRIPTION).isEqualTo("citytwin/v1/sensors/+/telemetry");
    }
}
