/** scan-service configuration: one properties record per feature. */
package dev.layerwatch.scan.config;
