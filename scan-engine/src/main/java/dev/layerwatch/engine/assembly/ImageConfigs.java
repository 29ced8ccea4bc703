package dev.layerwatch.engine.assembly;

import dev.layerwatch.common.image.Digest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the analysis needs from an image config: the diff ids, one per layer in order. */
final class ImageConfigs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImageConfigs() {
    }

    /** One diff id per layer, null entries where the config has none (or no usable config); odd configs add a warning. */
    static List<Digest> diffIds(byte[] configJson, int layers, List<String> warnings) {
        List<Digest> none = new ArrayList<>(Collections.nCopies(layers, null));
        if (configJson == null || configJson.length == 0) {
            return none;
        }
        JsonNode ids;
        try {
            ids = JSON.readTree(configJson).path("rootfs").path("diff_ids");
        } catch (RuntimeException e) {
            warnings.add("image config is not valid JSON, diff ids not checked: " + e.getMessage());
            return none;
        }
        if (!ids.isArray() || ids.size() != layers) {
            warnings.add("image config lists " + (ids.isArray() ? ids.size() : 0) + " diff ids for " + layers
                    + " layers: diff ids not checked");
            return none;
        }
        List<Digest> out = new ArrayList<>();
        for (JsonNode id : ids) {
            try {
                out.add(Digest.parse(id.asString()));
            } catch (IllegalArgumentException e) {
                warnings.add("image config has an invalid diff id: " + e.getMessage());
                out.add(null);
            }
        }
        return out;
    }
}
