/** The contract of version comparison; each scheme's comparator lives beside its ecosystem. */
package dev.layerwatch.engine.version;
