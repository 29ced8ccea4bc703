/** The package inventory model every cataloger produces and the matcher consumes. */
package dev.layerwatch.engine.inventory;
