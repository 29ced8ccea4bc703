/** The analysis flow: layer walking, dispatch of files to catalogers and checks, per-layer results, whiteout resolution per image. */
package dev.layerwatch.engine.analysis;
