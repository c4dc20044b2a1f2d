package io.citytwin.geo.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.layer.BuildingUse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildingTagsTest {
  @Test
  void useComesFromTheBuildingValueThenFromHints() {
    assertThat(BuildingTags.use(Map.of("building", "apartments"))).isEqualTo(BuildingUse.RESIDENTIAL);
    assertThat(BuildingTags.use(Map.of("building", "house"))).isEqualTo(BuildingUse.RESIDENTIAL);
    assertThat(BuildingTags.use(Map.of("building", "church"))).isEqualTo(BuildingUse.RELIGIOUS);
    assertThat(BuildingTags.use(Map.of("building", "office"))).isEqualTo(BuildingUse.COMMERCIAL);
    assertThat(BuildingTags.use(Map.of("building", "yes", "amenity", "hospital"))).isEqualTo(BuildingUse.HOSPITAL);
    assertThat(BuildingTags.use(Map.of("building", "yes", "building:use", "residential"))).isEqualTo(BuildingUse.RESIDENTIAL);
    assertThat(BuildingTags.use(Map.of("building", "yes", "shop", "bakery"))).isEqualTo(BuildingUse.COMMERCIAL);
    assertThat(BuildingTags.use(Map.of("building", "yes", "amenity", "place_of_worship"))).isEqualTo(BuildingUse.RELIGIOUS);
    assertThat(BuildingTags.use(Map.of("building", "yes"))).isEqualTo(BuildingUse.OTHER);
  }

  @Test
  void levelsFromTagsThenHeightThenDefaults() {
    assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "12"))).isEqualTo(12);
    assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "5", "roof:levels", "1"))).isEqualTo(6);
    assertThat(BuildingTags.levels(Map.of("building", "yes", "height", "30 m"))).isEqualTo(10);
    assertThat(BuildingTags.levels(Map.of("building", "apartments"))).isEqualTo(4);
    assertThat(BuildingTags.levels(Map.of("building", "house"))).isEqualTo(2);
    assertThat(BuildingTags.levels(Map.of("building", "garage"))).isEqualTo(1);
    assertThat(BuildingTags.levels(Map.of("building", "office"))).isEqualTo(3);
    assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "many"))).isEqualTo(2);
  }

  @Test
  void heightParsesCommonSpellings() {
    assertThat(BuildingTags.heightM("12")).isEqualTo(12.0);
    assertThat(BuildingTags.heightM("12.5")).isEqualTo(12.5);
    assertThat(BuildingTags.heightM("12,5 m")).isEqualTo(12.5);
    assertThat(BuildingTags.heightM("12 m")).isEqualTo(12.0);
    assertThat(BuildingTags.heightM("40 ft")).isCloseTo(12.19, org.assertj.core.data.Offset.offset(0.01));
    assertThat(BuildingTags.heightM("tall")).isNull();
    assertThat(BuildingTags.heightM("-3")).isNull();
    assertThat(BuildingTags.height(Map.of(), 4)).isEqualTo(12.0);
  }
}
