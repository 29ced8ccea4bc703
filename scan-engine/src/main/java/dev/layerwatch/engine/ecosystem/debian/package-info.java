/** Debian: the security-tracker JSON parser (source package → CVE → release status). */
package dev.layerwatch.engine.ecosystem.debian;
