package io.citytwin.app;

import io.citytwin.app.cli.CityTwinCommand;
import picocli.CommandLine;

/** Entry point of {@code citytwin}: parses the command line and runs a subcommand. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = CityTwinCommand.commandLine().execute(args);
    if (code != 0 || !CityTwinCommand.keepsRunning(args)) {
      System.exit(code);
    }
  }

  /** For tests: runs without exiting the JVM. */
  public static int run(String... args) {
    return CityTwinCommand.commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return CityTwinCommand.commandLine();
  }
}
