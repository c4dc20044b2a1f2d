package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.dispatch.Dispatcher;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.disposal.Disposal;
import io.citytwin.twin.disposal.DisposalSettings;
import io.citytwin.twin.disposal.ResponsePlans;
import io.citytwin.twin.journal.EventJournal;
import io.citytwin.twin.rule.RuleEngine;
import io.citytwin.twin.rule.RuleSet;
import io.citytwin.twin.rule.codec.RuleFiles;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.vertx.IncidentVerticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/** Builds the incident owner from configuration: rules, response plans, dispatcher, journal. */
final class Incidents {
  private Incidents() {}

  /** Opens the journal under {@code data.dir/incidents}. Blocking. */
  static EventJournal journal(CityTwinConfig config) throws IOException {
    return EventJournal.open(config.dataDir().resolve("incidents"));
  }

  /** Blocking (plan file, road index): call on a worker. */
  static IncidentVerticle verticle(CityTwinConfig config, CitySnapshot city,
      AtomicReference<SensorRegistry> registry, EventJournal journal, Clock clock) {
    String name = config.city().toLowerCase(Locale.ROOT);
    ResponsePlans plans = config.optional("plans.file").isPresent()
        ? plansFile(Path.of(config.text("plans.file")))
        : ResponsePlans.builtIn(name);
    Dispatcher dispatcher = new RoadDispatcher(new CityIndex(city.source()), plans.fleet());
    Disposal disposal = new Disposal(plans, dispatcher, DisposalSettings.DEFAULTS);
    java.util.function.LongSupplier rulesVersion = config.optional("rules.file")
        .<java.util.function.LongSupplier>map(f -> () -> Path.of(f).toFile().lastModified()).orElse(() -> 0L);
    return new IncidentVerticle(() -> engine(config, name, city, registry.get()), rulesVersion, disposal, journal,
        CapAdapter.of(config, city), clock);
  }

  private static ResponsePlans plansFile(Path file) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return io.citytwin.twin.disposal.ResponsePlanFile.read(in, file.toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read response plans " + file + ": " + e.getMessage(), e);
    }
  }

  private static RuleEngine engine(CityTwinConfig config, String name, CitySnapshot city, SensorRegistry registry) {
    RuleSet rules = config.optional("rules.file").isPresent()
        ? RuleFiles.load(Path.of(config.text("rules.file")), registry, city)
        : RuleFiles.loadBuiltIn(name, registry, city);
    return RuleEngine.of(rules, registry, city);
  }
}
