/**
 * The OCI distribution client: ping and {@code WWW-Authenticate} challenges, bearer-token exchange and caching,
 * manifest and blob pulls with digest verification, the allowlist of registries that may be contacted, and
 * {@link dev.layerwatch.engine.registry.RegistryImageSource}, which feeds the engine from a registry.
 * One package-private class per endpoint; HTTP status → exception mapping lives only in {@code RegistryErrorMapping}.
 */
package dev.layerwatch.engine.registry;
