/**
 * Package catalogers, one sub-package per ecosystem, and the one explicit list of them ({@link
 * dev.layerwatch.engine.ecosystem.Catalogers}). Shared here: package-url building and spooling a
 * bounded stream to a temporary file for formats that need random access.
 */
package dev.layerwatch.engine.ecosystem;
