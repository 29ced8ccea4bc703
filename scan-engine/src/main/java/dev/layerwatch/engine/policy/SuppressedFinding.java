package dev.layerwatch.engine.policy;

import dev.layerwatch.common.finding.VulnerabilityFinding;

/**
 * A finding the policy removed, and why.
 *
 * @param reason        {@code vex}, {@code ignore-file}, {@code severity} or {@code unfixed}
 * @param detail        the VEX status and justification, the ignore rule's line and comment, or the threshold
 */
public record SuppressedFinding(VulnerabilityFinding finding, String reason, String detail) {
}
