package dev.layerwatch.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code scan} and {@code sbom} share. */
final class ScanOptions {

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "registry:HOST/REPO:TAG|@DIGEST (or a bare reference), oci-layout:DIR[:TAG], docker-archive:FILE, dir:ROOTFS")
    String target;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, json or cyclonedx")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    java.nio.file.Path output;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "scan only this platform of a multi-platform image")
    String platform;
}
