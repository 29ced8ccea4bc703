/** The npm ecosystem: version ordering (SemVer) and the npm-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.npm;
