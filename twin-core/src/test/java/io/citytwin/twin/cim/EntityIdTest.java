package io.citytwin.twin.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EntityIdTest {

  @Test
  void parsesTypeAndKeyAndPrintsTheSameText() {
    EntityId id = EntityId.parse("district/MC-MO");
    assertThat(id.type()).isEqualTo(EntityType.DISTRICT);
    assertThat(id.key()).isEqualTo("MC-MO");
    assertThat(id).hasToString("district/MC-MO");
    assertThat(EntityId.parse("building/w123")).isEqualTo(EntityId.of(EntityType.BUILDING, "w123"));
  }

  @Test
  void rejectsUnknownTypeMissingSlashAndEmptyKey() {
    assertThatThrownBy(() -> EntityId.parse("tree/n1")).hasMessageContaining("unknown type 'tree'");
    assertThatThrownBy(() -> EntityId.parse("w123")).hasMessageContaining("type/key");
    assertThatThrownBy(() -> EntityId.parse("poi/")).hasMessageContaining("poi/").hasMessageContaining("non-empty");
    assertThatThrownBy(() -> EntityId.parse("poi/a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntityId.parse(null)).hasMessageContaining("missing");
  }

  @Property(seed = "42")
  void anyTextEitherRoundTripsOrIsRejectedWithAMessage(@ForAll String text) {
    try {
      EntityId id = EntityId.parse(text);
      assertThat(id.toString()).isEqualTo(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
