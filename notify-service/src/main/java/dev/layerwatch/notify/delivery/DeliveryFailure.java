package dev.layerwatch.notify.delivery;

/** A delivery that did not happen; the subtype says whether trying again can help. */
public abstract sealed class DeliveryFailure extends RuntimeException permits RetryableDeliveryFailure, RejectedDelivery {

    protected DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
