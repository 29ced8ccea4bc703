package dev.layerwatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code scan} and {@code sbom} share: the target, the output, and how a registry is reached. */
final class ScanOptions {

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "registry:HOST/REPO:TAG|@DIGEST (or a bare reference), oci-layout:DIR[:TAG], docker-archive:FILE, dir:ROOTFS")
    String target;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, json or cyclonedx; scan also sarif (default: table for scan, cyclonedx for sbom)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "scan only this platform of a multi-platform image")
    String platform;

    @Option(names = "--insecure", description = "reach the registry over plain HTTP (default: plain HTTP only for localhost and 127.0.0.1, HTTPS otherwise)")
    boolean insecure;

    @Option(names = "--username", paramLabel = "USER",
            description = "registry user (or LAYERWATCH_REGISTRY_USERNAME); default: the entry for the host in $DOCKER_CONFIG/config.json or ~/.docker/config.json")
    String username;

    @Option(names = "--password", paramLabel = "SECRET", description = "registry password or token (better: LAYERWATCH_REGISTRY_PASSWORD, which no process list shows)")
    String password;
}
