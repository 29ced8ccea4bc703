package dev.layerwatch.engine.layerscan;

import tools.jackson.databind.json.JsonMapper;

/** The JSON form of a {@link LayerResult}, as per-layer caches (Redis) store it. */
public final class LayerResultJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LayerResultJson() {
    }

    public static String write(LayerResult result) {
        return JSON.writeValueAsString(result);
    }

    /** Throws {@link tools.jackson.core.JacksonException} when the text is not a layer result (a cache treats that as a miss). */
    public static LayerResult read(String json) {
        return JSON.readValue(json, LayerResult.class);
    }
}
