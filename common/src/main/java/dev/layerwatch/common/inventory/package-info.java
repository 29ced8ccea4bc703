/**
 * An image's package inventory as it travels with a scan result: per layer, the packages that layer contributes to
 * the final image (after whiteouts), so a consumer can store each layer's share once and reuse it across images.
 */
package dev.layerwatch.common.inventory;
