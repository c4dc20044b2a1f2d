package io.citytwin.twin.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.state.TwinCommands.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinStateTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  private static final EntityId ROAD = EntityId.parse("road/w100");
  private final CitySnapshot cim = CitySnapshot.of(FixtureCity.testville());

  @Test
  void applyingAnEventIsPureAndAdvancesTheRevision() {
    TwinState s0 = TwinState.initial();
    TwinEvent e1 = new TwinEvent.PropertyModified(1, T0, ROAD, "status", "closed");
    TwinState s1 = TwinState.apply(s0, e1);
    assertThat(s0.entities()).isEmpty();
    assertThat(s0.revision()).isZero();
    assertThat(s1.revision()).isEqualTo(1);
    EntityState road = s1.entity(ROAD).orElseThrow();
    assertThat(road.properties()).containsEntry("status", "closed");
    assertThat(road.revision()).isEqualTo(1);
    assertThat(road.modified()).isEqualTo(T0);
  }

  @Test
  void aRedeliveredEventChangesNothingAndAGapIsAnError() {
    TwinState s1 = TwinState.initial().apply(new TwinEvent.PropertyModified(1, T0, ROAD, "status", "closed"));
    TwinState again = s1.apply(new TwinEvent.PropertyModified(1, T0, ROAD, "status", "open"));
    assertThat(again).isSameAs(s1);
    assertThatThrownBy(() -> s1.apply(new TwinEvent.PropertyDeleted(3, T0, ROAD, "status")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("revision 3 does not follow state revision 1");
  }

  @Test
  void decidedCommandsReplayToTheSameState() {
    List<TwinCommand> commands =
        List.of(
            new TwinCommand.ModifyProperty(ROAD, "status", "closed"),
            new TwinCommand.ModifyProperty(EntityId.parse("poi/n11"), "engines", 3),
            new TwinCommand.ModifyProperty(ROAD, "status", "open"),
            new TwinCommand.DeleteProperty(EntityId.parse("poi/n11"), "engines"));
    TwinState state = TwinState.initial();
    List<TwinEvent> journal = new ArrayList<>();
    for (TwinCommand c : commands) {
      Decision d = TwinCommands.decide(cim, state, c, T0.plusSeconds(journal.size()));
      TwinEvent e = ((Decision.Accepted) d).event();
      journal.add(e);
      state = state.apply(e);
    }
    TwinState replayed = TwinState.initial();
    for (TwinEvent e : journal) {
      replayed = replayed.apply(e);
    }
    assertThat(replayed).isEqualTo(state);
    assertThat(state.revision()).isEqualTo(4);
    assertThat(state.entity(ROAD).orElseThrow().properties()).containsExactly(java.util.Map.entry("status", "open"));
    assertThat(state.entity(EntityId.parse("poi/n11")).orElseThrow().properties()).isEmpty();
  }

  @Test
  void commandsOnUnknownEntitiesOrWithBadValuesAreRejectedWithAReason() {
    TwinState s = TwinState.initial();
    assertThat(reason(new TwinCommand.ModifyProperty(EntityId.parse("road/w999"), "status", "x"), s))
        .isEqualTo("unknown entity road/w999");
    assertThat(reason(new TwinCommand.ModifyProperty(ROAD, "9lives", "x"), s))
        .contains("invalid property key '9lives'");
    assertThat(reason(new TwinCommand.ModifyProperty(ROAD, "speed", Double.NaN), s))
        .contains("must be a string, boolean or finite number");
    assertThat(reason(new TwinCommand.ModifyProperty(ROAD, "note", "x".repeat(1025)), s))
        .contains("longer than 1024");
    assertThat(reason(new TwinCommand.DeleteProperty(ROAD, "status"), s))
        .isEqualTo("road/w100: property 'status' is not set");
  }

  private String reason(TwinCommand c, TwinState s) {
    Decision d = TwinCommands.decide(cim, s, c, T0);
    assertThat(d).isInstanceOf(Decision.Rejected.class);
    return ((Decision.Rejected) d).reason();
  }
}
