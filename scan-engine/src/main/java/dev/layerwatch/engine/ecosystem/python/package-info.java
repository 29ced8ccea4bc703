/** The Python ecosystem (PyPI): version ordering (PEP 440) and the Python-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.python;
