/**
 * The image report (what a scan of one platform image found) and its writers: JSON, CycloneDX 1.6 (with a
 * vulnerabilities section once findings are matched), a terminal table. SARIF lives in
 * {@code report.sarif}; the list of formats is {@code standard.ReportFormat}.
 */
package dev.layerwatch.engine.report;
