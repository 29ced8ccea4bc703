package dev.layerwatch.engine.vulndb;

import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.ecosystem.alpine.AlpineSecdbParser;
import dev.layerwatch.engine.ecosystem.wolfi.WolfiSecdbParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * secdb-shaped feeds: Alpine's (one per branch, with {@code distroversion}) and Wolfi's or Chainguard's
 * (rolling, without), told apart by their content so one {@code --alpine-secdb}/secdb URL list serves all three.
 */
public final class SecdbFeeds {

    private SecdbFeeds() {
    }

    public static FeedReadResult read(Path file, Consumer<Advisory> sink) throws IOException {
        JsonNode root = null;
        try (InputStream in = Files.newInputStream(file)) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (JacksonException e) {
            // the Alpine parser reports the parse error
        }
        if (WolfiSecdbParser.handles(root)) {
            return new WolfiSecdbParser().read(root, file.toString(), sink);
        }
        return new AlpineSecdbParser().read(file, sink);
    }
}
