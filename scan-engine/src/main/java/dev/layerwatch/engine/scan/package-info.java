/**
 * The engine's entry point: analyse ({@code assembly}) → match ({@code match}) → policy ({@code policy}),
 * returning {@link dev.layerwatch.engine.scan.ImageScan} domain values that report writers and services take.
 */
package dev.layerwatch.engine.scan;
