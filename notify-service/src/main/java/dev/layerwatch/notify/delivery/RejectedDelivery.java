package dev.layerwatch.notify.delivery;

/**
 * The target refused the request for a reason retrying cannot fix (bad fields, bad blocks, bad
 * credentials): it goes straight to the dead-letter topic with the API's own message.
 */
public final class RejectedDelivery extends DeliveryFailure {

    public RejectedDelivery(String message) {
        super(message, null);
    }
}
