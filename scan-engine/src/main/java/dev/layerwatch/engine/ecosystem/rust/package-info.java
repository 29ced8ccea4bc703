/** Rust: crates pinned by {@code Cargo.lock}, matched against crates.io advisories (GHSA, RUSTSEC) with SemVer. */
package dev.layerwatch.engine.ecosystem.rust;
