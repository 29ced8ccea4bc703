package dev.layerwatch.cli.server;

import picocli.CommandLine.Option;

/** Where the report API is and how to talk to it; shared by every server command. */
public final class ServerOptions {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:LAYERWATCH_SERVER:-http://127.0.0.1:8080}",
            description = "report API base URL (env LAYERWATCH_SERVER; default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:LAYERWATCH_TOKEN}",
            description = "API token (env LAYERWATCH_TOKEN)")
    String token;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE})")
    String format;

    ReportApiClient client() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new IllegalArgumentException("invalid --format '" + format + "': expected table or json");
        }
        return new ReportApiClient(server, token);
    }

    boolean json() {
        return format.equals("json");
    }
}
