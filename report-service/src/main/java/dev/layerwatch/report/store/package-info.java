/** Writes scan results into PostgreSQL: images, tags, per-layer inventories (stored once by content), findings lifecycle, history. */
package dev.layerwatch.report.store;
