/**
 * Go modules compiled into executables: the build information the Go linker embeds (main module,
 * dependencies with their replacements, toolchain version), found in ELF, PE and Mach-O files.
 */
package dev.layerwatch.engine.ecosystem.golang;
