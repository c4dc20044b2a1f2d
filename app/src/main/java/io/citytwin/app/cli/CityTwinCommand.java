package io.citytwin.app.cli;

import io.citytwin.app.wiring.ScenarioModels;
import io.citytwin.sim.run.Models;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code citytwin} command; its subcommands do the work. */
@Command(
    name = "citytwin",
    mixinStandardHelpOptions = true,
    version = "CityTwin 0.1.0-SNAPSHOT",
    description = "Smart-city digital twin and operations simulator.",
    subcommands = {
      RunCommand.class, ImportCommand.class, SensorsCommand.class, SimulateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CityTwinCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** A configured command line: errors go to stderr with usage, exit codes per picocli. */
  public static CommandLine commandLine() {
    return commandLine(ScenarioModels.all());
  }

  /** The command line with {@code simulate} running {@code models} (tests register their own). */
  public static CommandLine commandLine(Models models) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == SimulateCommand.class ? cls.cast(new SimulateCommand(models))
            : CommandLine.defaultFactory().create(cls);
      }
    };
    return new CommandLine(new CityTwinCommand(), factory).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Whether the subcommand leaves non-daemon threads serving after {@code execute} returns. */
  public static boolean keepsRunning(String[] args) {
    return args.length > 0 && "run".equals(args[0]);
  }
}
