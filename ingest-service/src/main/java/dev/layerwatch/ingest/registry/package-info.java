/**
 * The registries ingest accepts events for ({@code layerwatch.registries[i].host}): events naming any other
 * registry are acknowledged and dropped, so a stray or hostile sender can never make scan-service contact a host.
 */
package dev.layerwatch.ingest.registry;
