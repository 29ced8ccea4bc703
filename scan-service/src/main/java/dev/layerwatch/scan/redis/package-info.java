/** Redis adapters of scan-service: the shared per-layer result cache and its leases. */
package dev.layerwatch.scan.redis;
