package io.citytwin.twin.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.District;
import io.citytwin.twin.fixture.FixtureCity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class CitySnapshotTest {
  private final CitySnapshot cim = CitySnapshot.of(FixtureCity.testville());

  @Test
  void holdsEveryLayerAsEntitiesWithStableIds() {
    assertThat(cim.count(EntityType.DISTRICT)).isEqualTo(2);
    assertThat(cim.count(EntityType.BUILDING)).isEqualTo(4);
    assertThat(cim.count(EntityType.ROAD)).isEqualTo(2);
    assertThat(cim.count(EntityType.POI)).isEqualTo(3);
    assertThat(cim.count(EntityType.SENSOR)).isZero();
    assertThat(cim.size()).isEqualTo(11);
    assertThat(cim.entities(EntityType.ROAD)).extracting(e -> e.id().toString())
        .containsExactly("road/w100", "road/w200");
    assertThat(cim.cityName()).isEqualTo("Testville");
    assertThat(cim.attribution()).contains("OpenStreetMap contributors");
  }

  @Test
  void looksUpByIdWithAttributes() {
    CityEntity hospital = cim.entity(EntityId.parse("building/w2")).orElseThrow();
    assertThat(hospital.name()).isEqualTo("Hôpital Test");
    assertThat(hospital.attributes()).containsEntry("use", "hospital").containsEntry("levels", 8)
        .containsEntry("districtId", "district/T-W");
    CityEntity home = cim.entity(EntityId.parse("building/w1")).orElseThrow();
    assertThat(home.attributes()).containsEntry("residents", 60).containsEntry("residentsSynthetic", true);
    CityEntity west = cim.entity(EntityId.parse("district/T-W")).orElseThrow();
    assertThat(west.attributes()).containsEntry("code", "T-W").containsEntry("residents", 60);
    // 0.02 deg x 0.02 deg at 43.73 N is about 1.61 km x 2.22 km.
    assertThat((Double) west.attributes().get("areaM2")).isCloseTo(3.58e6, within(0.05e6));
    assertThat(cim.entity(EntityId.parse("poi/n11")).orElseThrow().attributes())
        .containsEntry("kind", "fire_station");
    assertThat(cim.entity(EntityId.parse("poi/n99"))).isEmpty();
  }

  @Test
  void aRoadIsOneEntityPerWayWithBothDirectionsCountedOnce() {
    CityEntity boulevard = cim.entity(EntityId.parse("road/w100")).orElseThrow();
    CityEntity street = cim.entity(EntityId.parse("road/w200")).orElseThrow();
    CityModel model = FixtureCity.testville();
    double pieces = model.roads().edges().get(0).lengthM() + model.roads().edges().get(2).lengthM();
    assertThat((Double) boulevard.attributes().get("lengthM")).isCloseTo(pieces, within(0.1));
    assertThat(boulevard.attributes()).containsEntry("oneway", false).containsEntry("highway", "primary");
    assertThat(boulevard.geometry().getGeometryType()).isEqualTo("LineString");
    assertThat(boulevard.geometry().getNumPoints()).isEqualTo(3);
    assertThat(boulevard.name()).isEqualTo("Boulevard Test");
    assertThat(street.attributes()).containsEntry("oneway", true).containsEntry("lanes", 1);
  }

  @Test
  void findsEntitiesIntersectingABoxInSourceOrder() {
    BoundingBox eastHalf = new BoundingBox(7.421, 43.72, 7.44, 43.74);
    assertThat(cim.intersecting(EntityType.BUILDING, eastHalf)).extracting(e -> e.id().toString())
        .containsExactly("building/w3", "building/r4");
    // The box is inside the hole of r4's courtyard: the envelope hits, the geometry does not.
    BoundingBox courtyard = new BoundingBox(7.4355, 43.7355, 7.4365, 43.7365);
    assertThat(cim.intersecting(EntityType.BUILDING, courtyard)).isEmpty();
    assertThat(cim.intersecting(EntityType.ROAD, eastHalf)).hasSize(2);
  }

  @Test
  void boundsCoverEveryEntity() {
    assertThat((Object) cim.bounds()).isEqualTo(new Envelope(7.40, 7.44, 43.72, 43.74));
  }

  @Test
  void duplicateIdsAreRejectedNamingTheCity() {
    CityModel m = FixtureCity.testville();
    List<District> twice = new ArrayList<>(m.districts());
    twice.add(m.districts().get(0));
    CityModel bad = new CityModel(m.name(), m.attribution(), m.boundary(), m.projection(), twice,
        m.roads(), m.buildings(), m.pois(), m.population(), m.warnings());
    assertThatThrownBy(() -> CitySnapshot.of(bad))
        .hasMessage("Testville: duplicate entity id district/T-W");
  }

  @Test
  void aGeoDataIdOfTheWrongTypeIsRejected() {
    assertThatThrownBy(() -> CityEntities.idOf(EntityType.BUILDING, "poi/n1"))
        .hasMessageContaining("'poi/n1' should start with 'building/'");
  }
}
