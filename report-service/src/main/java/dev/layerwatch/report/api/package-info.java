/** The query API under {@code /api/v1}: JSON, paged, behind API tokens; its OpenAPI document at {@code /api/v1/openapi.yaml}. */
package dev.layerwatch.report.api;
