package dev.layerwatch.cli;

import java.nio.file.Path;
import java.util.Map;
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
                dev.layerwatch.cli.server.ImagesCommand.class,
                dev.layerwatch.cli.server.ImageCommand.class,
        })
public final class Layerwatch {

    public static final int EXIT_USAGE = 2;
    /** {@code --exit-code} was given but the packages were not checked against a current DB: the gate cannot pass. */
    public static final int EXIT_NOT_CHECKED = 3;
    /** A layer could not be read (digest mismatch, corrupt stream, limit hit): the scan is incomplete, never a pass. */
    public static final int EXIT_INCOMPLETE = 4;

    /**
     * What the commands read from the process rather than from their arguments, in one place so that tests
     * can set it.
     *
     * @param env        the environment ({@code LAYERWATCH_REGISTRY_*}, {@code DOCKER_CONFIG})
     * @param workingDir where {@code .layerwatchignore} is looked for
     * @param progress   whether to draw the progress line (stderr is a terminal)
     */
    record Context(Map<String, String> env, Path workingDir, boolean progress) {
        static Context ofProcess() {
            return new Context(System.getenv(), Path.of(System.getProperty("user.dir")), interactive());
        }

        /**
         * Whether a progress line makes sense. From JDK 22 {@code System.console()} is non-null even when
         * the streams are redirected, so ask {@code Console.isTerminal()} where the runtime has it.
         */
        static boolean interactive() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }

    final Context context;

    private Layerwatch(Context context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command without exiting the JVM (tests call this). */
    public static int run(String... args) {
        return run(Context.ofProcess(), args);
    }

    static int run(Context context, String... args) {
        CommandLine cli = new CommandLine(new Layerwatch(context));
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
