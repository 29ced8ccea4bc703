/**
 * End-of-life and out-of-date OS releases: the maintained lifecycle table ({@code eol/os-lifecycle.csv}) and
 * the lookup and check against an image's os-release, with "today" passed in so that results are reproducible.
 */
package dev.layerwatch.engine.check.eol;
