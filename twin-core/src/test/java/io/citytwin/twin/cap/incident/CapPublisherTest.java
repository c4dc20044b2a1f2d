package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A publisher that would write invalid CAP is refused when it is configured, not per alert. */
class CapPublisherTest {

  @ParameterizedTest
  @ValueSource(strings = {"ops citytwin", "ops,citytwin", "ops<x", "a&b", "tab\there", ""})
  void sendersAndPrefixesCapCannotCarryAreRefused(String bad) {
    assertThatThrownBy(() -> CapPublisher.of(bad, "ops")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sender");
    assertThatThrownBy(() -> new CapPublisher("ops@x", "ops", bad, ZoneOffset.UTC, "en", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identifierPrefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en GB", "en_GB", "fr-", "français", ""})
  void languagesThatAreNotTagsAreRefused(String bad) {
    assertThatThrownBy(() -> new CapPublisher("ops@x", "ops", "citytwin", ZoneOffset.UTC, bad, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 3066");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://citytwin.example", "https://citytwin.example/"})
  void theWebBaseLosesItsTrailingSlash(String web) {
    assertThat(CapPublisher.of("ops@x", "ops").withWeb(web).web()).isEqualTo("https://citytwin.example");
  }
}
