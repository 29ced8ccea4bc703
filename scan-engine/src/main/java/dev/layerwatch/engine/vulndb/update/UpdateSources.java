package dev.layerwatch.engine.vulndb.update;

import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import java.net.URI;
import java.util.List;

/**
 * Where the updater downloads from. Defaults are the public feeds (see /work/shared/vulndata/SOURCES.md):
 * the OSV bucket per ecosystem, Alpine secdb per branch and repository, the Debian tracker JSON.
 *
 * @param osvBase         bucket root; {@code <base>/<Ecosystem>/all.zip}, {@code modified_id.csv}, {@code <ID>.json}
 * @param osvEcosystems   bucket directory names (base ecosystems, no release suffix)
 * @param alpineSecdb     secdb files, e.g. {@code https://secdb.alpinelinux.org/v3.18/main.json}
 * @param debianTracker   the tracker JSON, or null to skip
 */
public record UpdateSources(URI osvBase, List<String> osvEcosystems, List<URI> alpineSecdb, URI debianTracker,
                            DebianReleases debianReleases) {

    public static final URI OSV_BUCKET = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");
    public static final URI DEBIAN_TRACKER = URI.create("https://security-tracker.debian.org/tracker/data/json");
    public static final List<String> OSV_ECOSYSTEMS = List.of("Maven", "npm", "PyPI", "Go", "Debian", "Alpine", "Ubuntu",
            "RubyGems", "Packagist", "NuGet", "crates.io");
    public static final URI WOLFI_SECDB = URI.create("https://packages.wolfi.dev/os/security.json");
    public static final List<String> ALPINE_BRANCHES = List.of("v3.18", "v3.19", "v3.20", "v3.21", "v3.22");

    public UpdateSources {
        osvEcosystems = List.copyOf(osvEcosystems);
        alpineSecdb = List.copyOf(alpineSecdb);
        if (osvBase != null && !osvBase.toString().endsWith("/")) {
            osvBase = URI.create(osvBase + "/");
        }
        debianReleases = debianReleases == null ? DebianReleases.defaults() : debianReleases;
    }

    public static UpdateSources defaults() {
        List<URI> secdb = new java.util.ArrayList<>(ALPINE_BRANCHES.stream()
                .flatMap(b -> java.util.stream.Stream.of("main", "community")
                        .map(repo -> URI.create("https://secdb.alpinelinux.org/" + b + "/" + repo + ".json")))
                .toList());
        // Wolfi's secdb has the same shape; SecdbFeeds tells them apart by content
        secdb.add(WOLFI_SECDB);
        return new UpdateSources(OSV_BUCKET, OSV_ECOSYSTEMS, secdb, DEBIAN_TRACKER, DebianReleases.defaults());
    }

    URI osv(String ecosystem, String file) {
        return osvBase.resolve(ecosystem.replace(" ", "%20") + "/" + file);
    }
}
