/**
 * The {@code layerwatch} command line: one class per subcommand, registered in {@link dev.layerwatch.cli.Layerwatch};
 * the scan flow both scan and sbom run ({@code ScanRun}), how registry targets are reached ({@code RegistryTargets})
 * and what the vulnerability step of scan reads ({@code VulnerabilityInputs}: DB, ignore file, VEX, severity options)
 * before it hands everything to the engine's one entry point.
 */
package dev.layerwatch.cli;
