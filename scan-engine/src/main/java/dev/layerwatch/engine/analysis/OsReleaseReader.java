package dev.layerwatch.engine.analysis;

import dev.layerwatch.engine.inventory.OsRelease;
import java.util.List;
import java.util.Optional;

/** Which files name the distribution, in which order they are trusted, and how to read one. */
public interface OsReleaseReader {

    /** Cleaned paths (no leading slash), the most trusted first ({@code etc/os-release} before {@code etc/debian_version}). */
    List<String> pathsByPrecedence();

    /** Parses one file; empty when it names no distribution. Never throws on malformed content. */
    Optional<OsRelease> parse(String path, byte[] content);

    /** Reads nothing: for targets analysed without OS detection. */
    OsReleaseReader NONE = new OsReleaseReader() {
        @Override
        public List<String> pathsByPrecedence() {
            return List.of();
        }

        @Override
        public Optional<OsRelease> parse(String path, byte[] content) {
            return Optional.empty();
        }
    };
}
