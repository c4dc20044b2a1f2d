package io.citytwin.ingest.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.sensor.SensorKind;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetOptionsTest {

    @Test
    void mqttSchemesMapToPahosAndOthersAreRefused() {
        assertThat(FleetOptions.defaults("mqtt://broker:1883").brokerUri()).isEqualTo("tcp://broker:1883");
        assertThat(FleetOptions.defaults("mqtts://broker:8883").brokerUri()).isEqualTo("ssl://broker:8883");
        assertThat(FleetOptions.defaults("tcp://broker:1883").brokerUri()).isEqualTo("tcp://broker:1883");
        assertThatThrownBy(() -> FleetOptions.defaults("http://broker"))
                .hasMessageContaining("must start with tcp://");
    }

    @Test
    void nonsenseIsRefusedNamingTheSetting() {
        FleetOptions o = FleetOptions.defaults("tcp://b:1");
        assertThatThrownBy(() -> o.withQos(2)).hasMessageContaining("qos must be 0 or 1");
        assertThatThrownBy(() -> o.withRate(-1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> o.withRate(Double.NaN)).hasMessageContaining("rate");
        assertThatThrownBy(() -> o.withDuration(Duration.ZERO)).hasMessageContaining("duration");
        assertThatThrownBy(() -> o.withConnections(-1)).hasMessageContaining("connections");
        assertThatThrownBy(() -> o.withPublisherThreads(0)).hasMessageContaining("publisherThreads");
        assertThatThrownBy(() -> o.withMaxInflight(70_000)).hasMessageContaining("maxInflight");
        assertThatThrownBy(() -> new FaultRates(0.5, 0.5, 0.5)).hasMessageContaining("more than 1");
        assertThat(o.withConnections(0).connectionPerSensor()).isTrue();
        assertThat(o.withConnections(3).connectionPerSensor()).isFalse();
    }

    @Test
    void aSyntheticFleetMixesEveryKind() {
        List<SimulatedSensor> fleet = SyntheticFleet.of(18);
        assertThat(fleet.get(0).sensorId()).isEqualTo("sim-00001");
        assertThat(fleet.get(17).sensorId()).isEqualTo("sim-00018");
        assertThat(fleet.get(0).quantities()).isEqualTo(SensorKind.AIR_QUALITY.defaultQuantities());
        assertThat(fleet.get(9).quantities()).isEqualTo(SensorKind.AIR_QUALITY.defaultQuantities());
        assertThat(fleet.get(8).quantities()).isEqualTo(SensorKind.HOSPITAL_BEDS.defaultQuantities());
        assertThat(fleet).allMatch(s -> s.username() == null && s.secret() == null);
        assertThat(fleet.get(3).topic()).isEqualTo("citytwin/v1/sensors/sim-00004/telemetry");
    }

    @Test
    void aFleetNeedsUniqueSensors() {
        FleetOptions o = FleetOptions.defaults("tcp://b:1");
        assertThatThrownBy(() -> new FleetSimulator(List.of(), o)).hasMessageContaining("at least one");
        SimulatedSensor s = SyntheticFleet.of(1).get(0);
        assertThatThrownBy(() -> new FleetSimulator(List.of(s, s), o)).hasMessageContaining("unique");
    }

    @Test
    void stoppingAFleetThatNeverStartedReportsNothingSent() throws Exception {
        FleetSimulator sim = new FleetSimulator(SyntheticFleet.of(2), FleetOptions.defaults("tcp://b:1"));
        FleetStats stats = sim.stop().toCompletionStage().toCompletableFuture().get();
        assertThat(stats.sent()).isZero();
        assertThat(sim.start().failed()).isTrue();
    }
}
