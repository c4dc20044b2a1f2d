package io.citytwin.twin.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BoundingBoxTest {

  @Test
  void parsesFourNumbersInGeoJsonOrder() {
    BoundingBox b = BoundingBox.parse("7.41, 43.72,7.43,43.74");
    assertThat(b).isEqualTo(new BoundingBox(7.41, 43.72, 7.43, 43.74));
    assertThat(b.toArray()).containsExactly(7.41, 43.72, 7.43, 43.74);
  }

  @Test
  void namesTheProblem() {
    assertThatThrownBy(() -> BoundingBox.parse("1,2,3")).hasMessageContaining("4 comma-separated").hasMessageContaining("got 3");
    assertThatThrownBy(() -> BoundingBox.parse("a,2,3,4")).hasMessageContaining("minLon 'a' is not a number");
    assertThatThrownBy(() -> BoundingBox.parse("7,44,8,43")).hasMessageContaining("minLat 44.0 is greater than maxLat 43.0");
    assertThatThrownBy(() -> BoundingBox.parse("7,43,181,44")).hasMessageContaining("maxLon 181.0 is outside");
    assertThatThrownBy(() -> BoundingBox.parse("NaN,43,8,44")).hasMessageContaining("minLon NaN");
    assertThatThrownBy(() -> BoundingBox.parse("")).hasMessageContaining("empty");
  }

  @Property(seed = "7")
  void garbageIsRejectedWithAMessageNeverACrash(@ForAll String text) {
    try {
      BoundingBox b = BoundingBox.parse(text);
      assertThat(b.minLon()).isLessThanOrEqualTo(b.maxLon());
      assertThat(b.minLat()).isLessThanOrEqualTo(b.maxLat());
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(seed = "11")
  void validBoxesRoundTripThroughText(
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = -180, max = 180) double lon1,
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = -180, max = 180) double lon2,
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = -90, max = 90) double lat1,
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = -90, max = 90) double lat2) {
    BoundingBox b = new BoundingBox(Math.min(lon1, lon2), Math.min(lat1, lat2), Math.max(lon1, lon2), Math.max(lat1, lat2));
    String text = b.minLon() + "," + b.minLat() + "," + b.maxLon() + "," + b.maxLat();
    assertThat(BoundingBox.parse(text)).isEqualTo(b);
  }
}
