package dev.layerwatch.engine.ecosystem.golang;

/** The two strings the Go linker embeds: the toolchain version ({@code go1.21.5}) and the module info text. */
record GoBuildInfo(String goVersion, String modInfo) {
}
