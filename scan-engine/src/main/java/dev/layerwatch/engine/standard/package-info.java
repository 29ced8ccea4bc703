/**
 * The default lists, one per extension point, and the only package that names concrete ecosystems:
 * catalogers, version comparators, analyzer sets, report formats. Adding an ecosystem means a package
 * under {@code ecosystem} plus one line here.
 */
package dev.layerwatch.engine.standard;
