package io.citytwin.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table documents every key the platform accepts, and no other. */
class ReadmeConfigTest {
  @Test
  void everySettingIsDocumentedWithItsEnvironmentVariableAndDefault() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (Setting s : CityTwinConfig.SETTINGS) {
      String row = "| `" + s.name() + "` | `" + s.envVar() + "` | "
          + (s.defaultValue().isEmpty() ? "(unset)" : "`" + s.defaultValue() + "`") + " |";
      assertThat(readme).as("README row for %s", s.name()).contains(row);
    }
    long rows = readme.lines().filter(l -> l.startsWith("| `") && l.contains("| `CITYTWIN_")).count();
    assertThat(rows).isEqualTo(CityTwinConfig.SETTINGS.size());
  }
}
