/**
 * The cataloger contract: {@link dev.layerwatch.engine.catalog.PackageCataloger} (one kind of file in,
 * packages and warnings out) and what every cataloger shares (package-url building, spooling a bounded
 * stream to a temporary file). Depends only on {@code layer} (file metadata) and {@code inventory}.
 */
package dev.layerwatch.engine.catalog;
