package dev.layerwatch.engine.registry;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/** One call of the distribution API, as {@link RegistryEndpointCaller} makes it (jib's RegistryEndpointProvider). */
interface RegistryEndpoint<T> {

    /** {@code GET} or {@code HEAD}. */
    String method();

    /** The path below {@code /v2/}, e.g. {@code app/manifests/1.0}. */
    String apiPath();

    String repository();

    /** Media types for {@code Accept}; empty for none. */
    List<String> accept();

    /** Whether a 3xx is followed (blobs: to object storage). */
    default boolean followsRedirects() {
        return false;
    }

    /** Reads a 2xx response. Must close the body unless it hands the stream to the caller. */
    T handle(HttpResponse<InputStream> response, String registry) throws RegistryException;

    /** What this call does, for messages: {@code pull manifest 1.0}. */
    String action();
}
