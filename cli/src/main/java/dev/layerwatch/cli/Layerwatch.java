package dev.layerwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code layerwatch} command: the analysis engine without Kafka or Redis. Exit codes: 0 success,
 * 1 findings at or above {@code --exit-code}'s threshold, 2 bad arguments or an unreadable target.
 */
@Command(name = "layerwatch", mixinStandardHelpOptions = true, versionProvider = LayerwatchVersion.class,
        description = "Container image scanner: packages, vulnerabilities, secrets and risky settings.",
        subcommands = {
                // one explicit list of subcommands
                ScanCommand.class,
                SbomCommand.class,
                DbCommand.class,
                VersionsCommand.class,
        })
public final class Layerwatch {

    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command without exiting the JVM (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Layerwatch());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("layerwatch: " + ex.getMessage());
            return EXIT_USAGE;
        });
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("layerwatch: " + ex.getMessage());
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }
}
