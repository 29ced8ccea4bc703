/** The Kafka side of scanning: the {@code scanImage} binding, the result publisher and the scan port. */
package dev.layerwatch.scan.pipeline;
