package dev.layerwatch.cli;

import picocli.CommandLine.Command;

/** {@code layerwatch db}: build, inspect and update the local vulnerability database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Manage the local vulnerability database (immutable, versioned snapshots).",
        subcommands = {DbImportCommand.class, DbInfoCommand.class, DbUpdateCommand.class})
public final class DbCommand {
}
