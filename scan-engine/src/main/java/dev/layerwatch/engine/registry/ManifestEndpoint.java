package dev.layerwatch.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The base of every {@code /v2/<name>/manifests/<reference>} call: the path, the Accept list, the repository,
 * and reading the response with transport errors mapped in one place. A subclass names its method and action
 * and computes its value from the response ({@link #computeReturn}), as jib's {@code AbstractManifestPuller} does.
 */
abstract class ManifestEndpoint<T> implements RegistryEndpoint<T> {

    protected final String repository;
    protected final String reference;

    ManifestEndpoint(String repository, String reference) {
        this.repository = repository;
        this.reference = reference;
    }

    @Override
    public final String apiPath() {
        return repository + "/manifests/" + reference;
    }

    @Override
    public final String repository() {
        return repository;
    }

    @Override
    public final List<String> accept() {
        return ManifestMediaTypes.ACCEPT;
    }

    @Override
    public final T handle(HttpResponse<InputStream> response, String registry) throws RegistryException {
        try (InputStream body = response.body()) {
            return computeReturn(response, body, registry);
        } catch (RegistryException e) {
            throw e; // already says what failed (before this base, a HEAD's bad digest header was re-labelled "unreachable")
        } catch (IOException e) {
            throw new RegistryUnreachableException(registry, repository, action(), readFailure() + e.getMessage(), e);
        }
    }

    /** The value of a 2xx response; {@code body} is closed afterwards. */
    abstract T computeReturn(HttpResponse<InputStream> response, InputStream body, String registry) throws IOException, RegistryException;

    /** How a failed read is introduced in the message ("" for none). */
    String readFailure() {
        return "";
    }
}
