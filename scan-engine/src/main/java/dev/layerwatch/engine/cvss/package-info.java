/**
 * CVSS base scores computed from vector strings (v2.0, v3.0, v3.1, v4.0), hand-written from the FIRST
 * specifications; v4.0 uses FIRST's macrovector table and the reference calculator's refinement step.
 */
package dev.layerwatch.engine.cvss;
