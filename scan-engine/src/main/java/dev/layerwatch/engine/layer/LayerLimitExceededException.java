package dev.layerwatch.engine.layer;

import java.io.IOException;

/** A layer passed one of {@link LayerLimits}' caps; reading stops and the message becomes a warning. */
class LayerLimitExceededException extends IOException {
    LayerLimitExceededException(String message) {
        super(message);
    }
}
