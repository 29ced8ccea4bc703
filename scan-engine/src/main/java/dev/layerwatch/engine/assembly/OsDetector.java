package dev.layerwatch.engine.assembly;

import dev.layerwatch.engine.analysis.OsReleaseReader;
import dev.layerwatch.engine.inventory.OsRelease;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Picks the image's distribution from the os-release candidates that survive the merge, most trusted file first. */
final class OsDetector {

    private OsDetector() {
    }

    static Optional<OsRelease> detect(MergedFilesystem fs, OsReleaseReader reader, List<String> warnings) {
        for (String path : reader.pathsByPrecedence()) {
            Optional<String> resolved = fs.resolve(path, warnings);
            if (resolved.isEmpty()) {
                continue;
            }
            Integer owner = fs.owners().get(resolved.get());
            String content = fs.layer(owner).osReleaseFiles().get(resolved.get());
            if (content == null) {
                continue;
            }
            Optional<OsRelease> os = reader.parse(resolved.get(), content.getBytes(StandardCharsets.UTF_8));
            if (os.isPresent()) {
                return os;
            }
        }
        return Optional.empty();
    }
}
