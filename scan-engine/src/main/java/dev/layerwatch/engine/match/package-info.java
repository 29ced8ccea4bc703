/**
 * Matching an image's package inventory against a vulnerability DB snapshot: which namespace each
 * package is looked up in (OS packages only in their distribution release, by source package),
 * OSV range evaluation with the ecosystem's own version ordering, severity choice, alias merging
 * into one finding per vulnerability and package, and the finding fingerprint.
 */
package dev.layerwatch.engine.match;
