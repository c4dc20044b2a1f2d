package io.citytwin.sim.run;

import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.twin.cim.CitySnapshot;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The models a build can run, one {@link ModelFactory} per {@link ScenarioType}. Immutable:
 * {@link #with} returns a new registry, so one can be shared between threads and handed to the
 * CLI and the API alike. The application assembles the registry of the real models; tests
 * assemble their own.
 */
public final class Models {
  private static final Models NONE = new Models(new EnumMap<>(ScenarioType.class));

  private final Map<ScenarioType, ModelFactory> factories;

  private Models(EnumMap<ScenarioType, ModelFactory> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  /** A registry without any model. */
  public static Models none() {
    return NONE;
  }

  /**
   * This registry plus {@code factory} for {@code type}.
   *
   * @throws IllegalStateException when {@code type} already has a factory (two models claiming
   *     one type is a wiring mistake, not something to resolve silently)
   */
  public Models with(ScenarioType type, ModelFactory factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    if (factories.containsKey(type)) {
      throw new IllegalStateException("a model for scenario type '" + type.code() + "' is already registered");
    }
    EnumMap<ScenarioType, ModelFactory> copy = new EnumMap<>(ScenarioType.class);
    copy.putAll(factories);
    copy.put(type, factory);
    return new Models(copy);
  }

  /** The types that have a model, in declaration order. */
  public Set<ScenarioType> types() {
    return factories.keySet();
  }

  public Optional<ModelFactory> factory(ScenarioType type) {
    return Optional.ofNullable(factories.get(type));
  }

  /**
   * A fresh model for the scenario.
   *
   * @throws ScenarioInputException on field {@code type} when this build has no model for the
   *     scenario's type, or as the factory throws it for bad parameters
   */
  public SimulationModel create(Scenario scenario, CitySnapshot city) {
    ModelFactory factory = factories.get(scenario.type());
    if (factory == null) {
      String known = factories.isEmpty() ? "none"
          : factories.keySet().stream().map(ScenarioType::code).collect(Collectors.joining(", "));
      throw new ScenarioInputException(scenario.source(), "type",
          "no model for '" + scenario.type().code() + "' in this build (available: " + known + ")");
    }
    return Objects.requireNonNull(factory.create(scenario, city),
        () -> "the factory for " + scenario.type().code() + " returned no model");
  }
}
