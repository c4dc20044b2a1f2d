package io.citytwin.sim.epidemic;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a scenario the way the runner does: step by step until the end or until finished. */
final class Runs {
  private Runs() {}

  record Result(EpidemicModel model, List<Frame> frames, Map<String, Object> summary) {
    Frame last() {
      return frames.get(frames.size() - 1);
    }

    double metric(String name) {
      return last().metrics().get(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String key) {
      return (Map<String, Object>) summary.get(key);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String key) {
      return (List<Map<String, Object>>) summary.get(key);
    }

    long infectionsAt(String setting) {
      return ((Number) section("infectionsBySetting").get(setting)).longValue();
    }

    Map<String, Object> district(String code) {
      return list("districts").stream().filter(d -> d.get("code").equals(code)).findFirst().orElseThrow();
    }
  }

  static Result run(Scenario s, int threads) {
    return run(EpidemicSetup.prepare(s, Monaco.city()).newModel(threads), s);
  }

  static Result run(Scenario s) {
    return run(s, 1);
  }

  static Result run(EpidemicModel model, Scenario s) {
    List<Frame> frames = new ArrayList<>();
    for (int k = 1; k <= s.steps(); k++) {
      frames.add(model.step(k, s.start().plus(s.step().multipliedBy(k - 1)), s.step()));
      if (model.finished()) {
        break;
      }
    }
    return new Result(model, frames, model.summary());
  }
}
