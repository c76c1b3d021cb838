package dev.vigie;

import dev.vigie.cli.AskCommand;
import dev.vigie.cli.BenchCommand;
import dev.vigie.cli.DiagnoseCommand;
import dev.vigie.cli.Errors;
import dev.vigie.cli.FeedbackCommand;
import dev.vigie.cli.IncidentsCommand;
import dev.vigie.cli.IngestCommand;
import dev.vigie.cli.MetricsCommand;
import dev.vigie.cli.RedactCommand;
import dev.vigie.cli.ReindexCommand;
import dev.vigie.cli.RunCommand;
import dev.vigie.cli.SampleLogsCommand;
import dev.vigie.cli.ScreenshotCommand;
import dev.vigie.cli.ScoreCommand;
import dev.vigie.cli.SettingsOptions;
import dev.vigie.cli.SimulateCommand;
import dev.vigie.cli.SourcesCommand;
import dev.vigie.cli.TemplatesCommand;
import dev.vigie.config.Settings;
import dev.vigie.pipeline.Engine;
import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * Entry point. Without a sub-command it opens the cockpit; sub-commands run headless. It does not
 * extend {@code Application}, so that a plain class-path jar can start JavaFX.
 */
@Command(name = "vigie", mixinStandardHelpOptions = true, version = "Vigie 0.1.0",
        description = "Local-first AIOps cockpit. Without a command, opens the cockpit.",
        subcommands = {RunCommand.class, IngestCommand.class, IncidentsCommand.class, SourcesCommand.class, SampleLogsCommand.class,
            BenchCommand.class, TemplatesCommand.class, MetricsCommand.class, ScoreCommand.class,
            SimulateCommand.class, RedactCommand.class, DiagnoseCommand.class, ReindexCommand.class, AskCommand.class, FeedbackCommand.class,
            ScreenshotCommand.class})
public final class Vigie implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A bad argument or input, or work that cannot be done, is one line on standard error and a
     * non-zero exit, never a stack trace ({@code VIGIE_TRACE=1} adds the trace for a bug report).
     */
    static CommandLine commandLine() {
        return new CommandLine(new Vigie())
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println("vigie: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                            + " --help')");
                    return Errors.USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("vigie: " + Errors.describe(e));
                    if (System.getenv("VIGIE_TRACE") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return Errors.exitCode(e);
                });
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = options.load(options.values());
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(settings, Clock.systemUTC(), "the cockpit"))) {
            // SIGTERM or Ctrl-C while the window is open drains the engine as closing the window does
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    runtime.close();
                } catch (Exception e) {
                    System.err.println("vigie: stopping: " + e.getMessage());
                }
            }, "vigie-stop"));
            runtime.start();
            // loaded by name so that the headless commands never touch JavaFX classes
            Class.forName("dev.vigie.ui.CockpitLauncher").getMethod("launch", EngineQueries.class, EngineCommands.class)
                    .invoke(null, runtime.client(), runtime.client());
        }
        return 0;
    }
}
