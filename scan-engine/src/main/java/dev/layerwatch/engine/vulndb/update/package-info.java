/**
 * The online updater: downloads the live feeds with conditional requests, applies OSV changes
 * incrementally from {@code modified_id.csv}, builds a new snapshot and switches to it only when every
 * download and parse succeeded.
 */
package dev.layerwatch.engine.vulndb.update;
