/** The ingest benchmark and broker-restart fault test run by {@code bench/ingest.sh} (not part of the test suite). */
package dev.layerwatch.ingest.bench;
