package dev.layerwatch.cli.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code layerwatch image report REPO:TAG|DIGEST}: one stored image's current report. */
@Command(name = "image", description = "Ask a report-service about one image.", subcommands = ImageCommand.Report.class)
public final class ImageCommand {

    @Command(name = "report", description = "The current report of [registry/]repository:tag or sha256:digest.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptions options;
        @Parameters(index = "0", paramLabel = "IMAGE")
        String image;
        @Option(names = "--platform", paramLabel = "OS/ARCH")
        String platform;

        @Override
        public Integer call() {
            JsonNode report = options.client().get("/api/v1/images/report?ref=" + ReportApiClient.q(image)
                    + (platform == null ? "" : "&platform=" + ReportApiClient.q(platform)));
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                out.println(ReportApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
                out.flush();
                return 0;
            }
            JsonNode img = report.path("image");
            out.println(img.path("registry").asString() + "/" + img.path("repository").asString() + "@" + img.path("digest").asString()
                    + " (" + img.path("platform").asString("unknown platform") + ")");
            out.println("tags: " + ImagesCommand.joined(img.path("tags")) + "; os: " + img.path("os").path("name").asString("unknown")
                    + (img.path("os").path("eol").asBoolean() ? " (end of life)" : "")
                    + "; last scanned " + img.path("lastScannedAt").asString() + " with vulnerability DB " + img.path("vulnDbVersion").asString("none"));
            Table table = new Table("VULNERABILITY", "SEVERITY", "PACKAGE", "VERSION", "FIXED IN", "PATH", "FIRST SEEN");
            for (JsonNode f : report.path("findings")) {
                table.row(f.path("vulnerability").asString(), f.path("severity").asString(), f.path("packageName").asString(),
                        f.path("packageVersion").asString(null), ImagesCommand.joined(f.path("fixedVersions")), f.path("path").asString(null),
                        f.path("firstSeen").asString());
            }
            table.print(out);
            for (JsonNode c : report.path("configFindings")) {
                out.println("config " + c.path("id").asString() + " " + c.path("severity").asString() + ": " + c.path("title").asString());
            }
            for (JsonNode s : report.path("secrets")) {
                out.println("secret " + s.path("rule").asString() + " in " + s.path("location").asString() + ": " + s.path("redacted").asString());
            }
            out.flush();
            return 0;
        }
    }
}
