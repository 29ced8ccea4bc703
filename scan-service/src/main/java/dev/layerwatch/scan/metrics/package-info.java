/** scan-service's meters: scans, layers, retries, the DLQ and the vulnerability DB, each with a description. */
package dev.layerwatch.scan.metrics;
