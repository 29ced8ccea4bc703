/**
 * report-service: the memory. Scan results from {@code scan-completed.v1} are stored in PostgreSQL ({@code store}),
 * inventories per layer and content-addressed, findings with a lifecycle; {@code query} answers the questions a
 * platform team asks and {@code api} serves them over HTTP with API tokens.
 */
package dev.layerwatch.report;
