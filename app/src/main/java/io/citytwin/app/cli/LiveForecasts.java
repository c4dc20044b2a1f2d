package io.citytwin.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.citytwin.app.wiring.ScenarioModels;
import io.citytwin.sim.output.OutputException;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.whatif.LiveIncident;
import io.citytwin.sim.whatif.LiveState;
import io.citytwin.sim.whatif.Templates;
import io.citytwin.sim.whatif.WhatIf;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code simulate --from-live}: reads the live state, picks the template (the user's SCENARIO, or
 * the first built-in forecast of the incident's hazard type) and builds the what-if scenario; the
 * document run is kept as {@code scenario.json} beside the results so the forecast can be re-run
 * exactly with {@code citytwin simulate DIR/scenario.json}.
 */
final class LiveForecasts {
  static final String SCENARIO_FILE = "scenario.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LiveForecasts() {}

  static WhatIf.Forecast forecast(LivePlatform live, String incidentId, String templateArg) {
    LiveState state = live.state();
    if (incidentId == null) {
      return WhatIf.fromNow(state, template(templateArg));
    }
    LiveIncident incident = live.incident(incidentId);
    JsonNode template = templateArg != null ? template(templateArg) : Templates.defaultFor(WhatIf.scenarioType(incident), ScenarioModels.builtInScenarios());
    return WhatIf.fromIncident(incident, state, template);
  }

  /** Validates the document as any scenario file; errors name the field. */
  static Scenario scenario(WhatIf.Forecast f, String url, CitySnapshot city) {
    return f.scenario("what-if from " + url, city);
  }

  static void write(WhatIf.Forecast f, Path dir) {
    Path file = dir.resolve(SCENARIO_FILE);
    try {
      Files.write(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(f.document()));
    } catch (IOException e) {
      throw new OutputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode template(String arg) {
    if (!SimulateCommand.isFile(arg)) {
      return Templates.builtIn(arg);
    }
    Path file = Path.of(arg);
    try (InputStream in = Files.newInputStream(file)) {
      return Templates.parse(in, file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw new ScenarioInputException(file.getFileName().toString(), null, "file not found (" + file + ")");
    } catch (IOException e) {
      throw new ScenarioInputException(file.getFileName().toString(), null, "cannot be read: " + e.getMessage());
    }
  }
}
