package dev.layerwatch.cli.server;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code layerwatch images affected ID} and {@code layerwatch images with PURL [--range R]}. */
@Command(name = "images", description = "Ask a report-service which images are affected.",
        subcommands = {ImagesCommand.Affected.class, ImagesCommand.With.class})
public final class ImagesCommand {

    @Command(name = "affected", description = "Images, tags and package paths with an open finding of a vulnerability (any alias).")
    static final class Affected implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptions options;
        @Parameters(index = "0", paramLabel = "ID", description = "CVE-…, GHSA-…, a distro id")
        String id;

        @Override
        public Integer call() {
            List<JsonNode> items = options.client().all("/api/v1/vulnerabilities/" + ReportApiClient.q(id) + "/images");
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                out.println(ReportApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items));
                out.flush();
                return 0;
            }
            Table table = new Table("IMAGE", "PLATFORM", "PACKAGE", "VERSION", "PATH", "SEVERITY", "FIXED IN", "FIRST SEEN", "NEWER TAG FIXED");
            for (JsonNode i : items) {
                table.row(image(i), i.path("platform").asString(null), i.path("packageName").asString(), i.path("packageVersion").asString(null),
                        i.path("path").asString(null), i.path("severity").asString(), joined(i.path("fixedVersions")),
                        i.path("firstSeen").asString(), i.path("fixedInNewerTag").asBoolean() ? "yes" : "no");
            }
            table.print(out);
            spec.commandLine().getErr().println(items.size() + " affected package cop" + (items.size() == 1 ? "y" : "ies") + " of " + id);
            return 0;
        }
    }

    @Command(name = "with", description = "Stored images holding a package, optionally within a version range of its ecosystem's scheme.")
    static final class With implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptions options;
        @Parameters(index = "0", paramLabel = "PURL", description = "pkg:maven/org.apache.logging.log4j/log4j-core")
        String purl;
        @Option(names = "--range", paramLabel = "RANGE", description = "'<2.17.1', '>=2.0,<2.17.1', '3.0.x'")
        String range;

        @Override
        public Integer call() {
            String query = "/api/v1/packages/images?purl=" + ReportApiClient.q(purl) + (range == null ? "" : "&range=" + ReportApiClient.q(range));
            List<JsonNode> items = options.client().all(query);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                out.println(ReportApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items));
                out.flush();
                return 0;
            }
            Table table = new Table("IMAGE", "TAGS", "PLATFORM", "PACKAGE", "VERSION", "PATH");
            for (JsonNode i : items) {
                table.row(i.path("registry").asString() + "/" + i.path("repository").asString() + "@" + i.path("digest").asString(),
                        joined(i.path("tags")), i.path("platform").asString(null), i.path("packageName").asString(),
                        i.path("version").asString(null), i.path("path").asString(null));
            }
            table.print(out);
            spec.commandLine().getErr().println(items.size() + " package cop" + (items.size() == 1 ? "y" : "ies") + " of " + purl
                    + (range == null ? "" : " in " + range));
            return 0;
        }
    }

    static String image(JsonNode i) {
        String name = i.path("registry").asString() + "/" + i.path("repository").asString();
        String tag = i.path("tag").asString(null);
        return tag == null ? name + "@" + i.path("digest").asString() : name + ":" + tag;
    }

    static String joined(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        array.forEach(v -> s.append(s.isEmpty() ? "" : ", ").append(v.asString()));
        return s.toString();
    }
}
