/** report-service settings: API tokens, page size cap, team ownership of repositories. */
package dev.layerwatch.report.config;
