/**
 * The advisory model every feed is read into, and the one shared OSV parser (JSON and YAML, single
 * files, directory trees and per-ecosystem {@code all.zip}). Distro feed parsers live beside their
 * ecosystems ({@code ecosystem.alpine}, {@code ecosystem.debian}) and produce the same model.
 */
package dev.layerwatch.engine.advisory;
