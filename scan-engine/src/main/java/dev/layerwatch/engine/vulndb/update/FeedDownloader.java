package dev.layerwatch.engine.vulndb.update;

import dev.layerwatch.engine.vulndb.FeedState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP GET of one feed file into a local file, conditional on the stored ETag / Last-Modified. The one
 * place where HTTP status becomes an outcome: 200 → downloaded, 304 → unchanged, anything else and a
 * body shorter than its Content-Length → {@link IOException} naming the URL.
 */
final class FeedDownloader {

    /** A completed download; {@code file} is null when the server answered 304. */
    record Download(URI uri, Path file, String etag, String lastModified) {
        boolean unchanged() {
            return file == null;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    FeedDownloader(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    Download get(URI uri, FeedState previous, Path into) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (previous != null && previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous != null && previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        Path tmp = Files.createTempFile(into.getParent(), ".download-", ".part");
        HttpResponse<Path> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(tmp));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(tmp);
            throw new IOException("download of " + uri + " interrupted", e);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot download " + uri + ": " + e.getMessage(), e);
        }
        int status = response.statusCode();
        if (status == 304) {
            Files.deleteIfExists(tmp);
            return new Download(uri, null, previous != null ? previous.etag() : null, previous != null ? previous.lastModified() : null);
        }
        if (status != 200) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot download " + uri + ": HTTP " + status);
        }
        Optional<String> length = response.headers().firstValue("Content-Length");
        if (length.isPresent() && Long.parseLong(length.get().trim()) != Files.size(tmp)) {
            long got = Files.size(tmp);
            Files.deleteIfExists(tmp);
            throw new IOException("cannot download " + uri + ": got " + got + " of " + length.get() + " bytes");
        }
        Files.move(tmp, into, StandardCopyOption.REPLACE_EXISTING);
        return new Download(uri, into, response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }
}
