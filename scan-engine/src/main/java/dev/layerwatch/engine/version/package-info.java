/**
 * The contract of version comparison; each scheme's comparator lives beside its ecosystem and the list of
 * them is {@code standard.VersionComparators}.
 */
package dev.layerwatch.engine.version;
