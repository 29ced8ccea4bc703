package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import java.util.List;

/**
 * Scans one pushed image: one {@link ScanCompleted} per platform. Problems that retrying cannot fix (an
 * unknown registry, a manifest that is not an image) come back as a FAILED result; transient ones (registry
 * unreachable) are thrown as {@link TransientScanException} so the binder retries the event.
 */
public interface ImageScanner {

    List<ScanCompleted> scan(ImagePushed event);

    /** A failure worth retrying later: the registry or the network, not the image. */
    final class TransientScanException extends RuntimeException {
        public TransientScanException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
