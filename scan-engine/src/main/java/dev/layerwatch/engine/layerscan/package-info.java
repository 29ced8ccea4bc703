/**
 * Per-layer results: one layer read once with the analyzer set (catalogers, scanners, os-release and
 * tracked paths), the result keyed by layer digest and analyzer versions, cached and leased so that a
 * layer shared by many images is read once. Knows nothing about images beyond a layer's descriptor.
 */
package dev.layerwatch.engine.layerscan;
