/** SARIF 2.1.0 output of vulnerability findings, in the subset GitHub code scanning accepts. */
package dev.layerwatch.engine.report.sarif;
