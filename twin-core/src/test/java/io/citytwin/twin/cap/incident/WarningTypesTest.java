package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.cap.CapCategory;
import io.citytwin.twin.cap.CapCertainty;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.cap.CapSeverity;
import io.citytwin.twin.cap.CapUrgency;
import io.citytwin.twin.incident.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which incident type a warning's category, event and certainty make, and when it stays generic. */
class WarningTypesTest {

  @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
  @CsvSource({
    "Met,       Flood Warning,                  Likely,   flood",
    "Met,       Flash Flood Warning,            Observed, flood",
    "Geo,       Coastal flooding,               Observed, flood",
    "Met,       Vigilance orange inondation,    Likely,   flood",
    "Met,       Flash Flood Watch,              Possible, external_warning",
    "Met,       Flood Outlook,                  Unlikely, external_warning",
    "Fire,      Fire,                           Observed, fire",
    "Fire,      Bushfire,                       Likely,   fire",
    "Fire,      Incendie de forêt,              Observed, fire",
    "Fire,      Fire Weather Warning,           Likely,   external_warning",
    "Fire,      Total Fire Ban,                 Observed, external_warning",
    "Fire,      Fire Danger Rating,             Observed, external_warning",
    "Met,       Fire weather,                   Likely,   external_warning",
    "CBRNE,     Radiological Hazard Warning,    Likely,   chemical_release",
    "CBRNE,     Chemical spill,                 Observed, chemical_release",
    "Safety,    Hazardous Materials Warning,    Likely,   chemical_release",
    "Safety,    Gas leak,                       Observed, gas_leak",
    "CBRNE,     Natural gas escape,             Observed, gas_leak",
    "Transport, Multi-vehicle collision,        Observed, traffic_accident",
    "Transport, Road closure,                   Observed, external_warning",
    "Safety,    Crowd crush risk,               Likely,   crowd_crush_risk",
    "Env,       Air Quality Alert,              Likely,   air_quality_episode",
    "Health,    Disease outbreak,               Observed, disease_cluster",
    "Infra,     Power outage,                   Observed, infrastructure_failure",
    "Geo,       Earthquake,                     Observed, external_warning",
    "Geo,       Tsunami Warning,                Likely,   external_warning",
    "Met,       Severe Thunderstorm Warning,    Likely,   external_warning",
    "Other,     Fire,                           Observed, external_warning",
  })
  void typeFromCategoryEventAndCertainty(String category, String event, String certainty, String type) {
    CapInfo info = info(CapCategory.fromCap(category).orElseThrow(), event, CapCertainty.fromCap(certainty).orElseThrow());

    assertThat(WarningTypes.typeOf(info)).isEqualTo(IncidentType.fromCode(type).orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(IncidentType.class)
  void everyTypeAsCityTwinPublishesItReadsBackAsItself(IncidentType type) {
    CapInfo published = info(CapCategory.fromCap(type.capCategory()).orElseThrow(), IncidentCap.eventName(type),
        CapCertainty.OBSERVED);

    assertThat(WarningTypes.typeOf(published)).isEqualTo(type);
  }

  @Test
  void anyCategoryOfTheTypeCounts() {
    CapInfo info = CapInfo.builder("Fire", CapUrgency.IMMEDIATE, CapSeverity.SEVERE, CapCertainty.OBSERVED)
        .category(CapCategory.MET).category(CapCategory.FIRE).build();

    assertThat(WarningTypes.typeOf(info)).isEqualTo(IncidentType.FIRE);
  }

  private static CapInfo info(CapCategory category, String event, CapCertainty certainty) {
    return CapInfo.builder(event, CapUrgency.IMMEDIATE, CapSeverity.SEVERE, certainty).category(category).build();
  }
}
