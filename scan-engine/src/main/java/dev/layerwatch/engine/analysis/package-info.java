/**
 * What looks at an image, as contracts: the analyzer set (catalogers, file scanners, os-release reader,
 * image checks, end-of-life lookup) and the progress listener. No implementations and no flow here:
 * per-layer results are {@code layerscan}, image assembly is {@code assembly}, the default set is
 * {@code standard}.
 */
package dev.layerwatch.engine.analysis;
