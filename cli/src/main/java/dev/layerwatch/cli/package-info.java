/**
 * The {@code layerwatch} command line: one class per subcommand, registered in {@link dev.layerwatch.cli.Layerwatch};
 * the scan flow both scan and sbom run ({@code ScanRun}), how registry targets are reached ({@code RegistryTargets})
 * and the vulnerability step of scan ({@code VulnerabilityCheck}: DB matching and policy).
 */
package dev.layerwatch.cli;
