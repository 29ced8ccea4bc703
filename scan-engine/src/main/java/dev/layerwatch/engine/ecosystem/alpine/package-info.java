/** Alpine Linux: the secdb feed parser (fixed versions per package and branch). */
package dev.layerwatch.engine.ecosystem.alpine;
