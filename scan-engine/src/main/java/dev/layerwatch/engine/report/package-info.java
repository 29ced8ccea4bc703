/** The image report (what a scan of one platform image found) and its writers: JSON, CycloneDX 1.6, a terminal table. */
package dev.layerwatch.engine.report;
