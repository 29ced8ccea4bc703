package dev.layerwatch.engine.layer;

import java.io.IOException;

/** The layer could not be read to its end (truncated or corrupt compression, a broken tar); the message names the layer. */
public class LayerReadException extends IOException {
    public LayerReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
