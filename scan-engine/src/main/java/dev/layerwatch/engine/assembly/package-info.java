/**
 * Image assembly: from an image's per-layer results to its inventory — merge the layers (whiteouts),
 * detect the OS, attribute packages to layers and qualify OS purls, run the image checks.
 */
package dev.layerwatch.engine.assembly;
