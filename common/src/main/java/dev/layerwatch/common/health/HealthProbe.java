package dev.layerwatch.common.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container HEALTHCHECK for images without a shell or curl (distroless): exits 0 when the service's
 * liveness endpoint answers 200. Usage: {@code HealthProbe [url]}, default
 * {@code http://127.0.0.1:8080/actuator/health/liveness}.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/actuator/health/liveness";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health probe " + url + " failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
