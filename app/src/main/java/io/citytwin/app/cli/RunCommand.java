package io.citytwin.app.cli;

import io.citytwin.app.Platform;
import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.app.config.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code citytwin run}: starts the platform and keeps serving until the process is stopped.
 * Configuration comes through {@link CityTwinConfig#load} only.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Start the platform: city model, API and dashboard (default http://localhost:8080).")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration file")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (key http.port)")
  String port;

  @Option(names = "--city", paramLabel = "NAME|SPEC", description = "built-in city or city.json (key city)")
  String city;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any configuration key")
  Map<String, String> set = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Map<String, String> overrides = new LinkedHashMap<>(set);
    if (port != null) {
      overrides.put("http.port", port);
    }
    if (city != null) {
      overrides.put("city", city);
    }
    CityTwinConfig cfg;
    try {
      cfg = CityTwinConfig.load(Optional.ofNullable(config), System.getenv(), overrides);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      Platform platform = Platform.start(cfg).toCompletionStage().toCompletableFuture().join();
      System.out.println("CityTwin is up: " + platform.url() + "  (Ctrl-C to stop)");
      Runtime.getRuntime().addShutdownHook(new Thread(platform::closeAndWait, "citytwin-shutdown"));
      return 0;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("citytwin run failed: " + cause.getMessage());
      return 1;
    }
  }
}
