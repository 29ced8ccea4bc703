/**
 * What happens to findings after matching: minimum severity, ignore-unfixed, the
 * {@code .layerwatchignore} file, OpenVEX statements, and the exit code. Plain classes the CLI and
 * scan-service both call; suppressed findings are kept, with the reason, for the report.
 */
package dev.layerwatch.engine.policy;
