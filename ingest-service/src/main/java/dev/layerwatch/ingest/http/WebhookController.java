package dev.layerwatch.ingest.http;

import dev.layerwatch.ingest.intake.IncomingWebhook;
import dev.layerwatch.ingest.intake.IntakeResult;
import dev.layerwatch.ingest.intake.WebhookIntake;
import dev.layerwatch.ingest.intake.WebhookRejection;
import dev.layerwatch.ingest.metrics.IngestMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the raw body itself (signatures are computed over the exact bytes, and the size limit must hold before
 * anything is buffered whole) and leaves every decision to {@link WebhookIntake}. Answers 202 with counts, or the
 * rejection's status with a JSON error body.
 */
@RestController
public class WebhookController {

    private final WebhookIntake intake;
    private final IngestMetrics metrics;
    private final long maxBodyBytes;

    public WebhookController(WebhookIntake intake, IngestMetrics metrics, IngestWebhookProperties properties) {
        this.intake = intake;
        this.metrics = metrics;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @PostMapping({"/webhooks/{source}", "/webhooks/{source}/{secret}"})
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String source,
            @PathVariable(required = false) String secret, HttpServletRequest request) {
        long start = System.nanoTime();
        metrics.received(source);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("webhookSource", source)) {
            intake.enabledSource(source);
            byte[] body = readBody(request);
            IntakeResult result = intake.receive(new IncomingWebhook(source, headers(request), body, secret, queryToken(request)));
            metrics.latency(source, "accepted", Duration.ofNanos(System.nanoTime() - start));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", 202);
            answer.put("published", result.published());
            answer.put("duplicates", result.duplicates());
            answer.put("ignored", result.ignored());
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(answer);
        } catch (WebhookRejection rejection) {
            metrics.rejected(source, rejection.status());
            metrics.latency(source, "rejected", Duration.ofNanos(System.nanoTime() - start));
            return error(rejection);
        }
    }

    private byte[] readBody(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                // sized exactly: readNBytes(limit) would allocate its 16 KiB chunks for every small notification
                byte[] body = in.readNBytes((int) declared);
                if (in.read() != -1) {
                    throw tooLarge();
                }
                return body;
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new WebhookRejection(400, "could not read the request body: " + e.getMessage());
        }
    }

    private WebhookRejection tooLarge() {
        return new WebhookRejection(413, "request body exceeds the limit of " + maxBodyBytes + " bytes (layerwatch.ingest.webhook.max-body-size)");
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    /** From the query string only: {@code getParameter} would consume a form-encoded body. */
    private static String queryToken(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals("token")) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static ResponseEntity<Map<String, Object>> error(WebhookRejection rejection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", rejection.getMessage());
        body.put("status", rejection.status());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(rejection.status()).contentType(MediaType.APPLICATION_JSON);
        if (rejection.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, rejection.retryAfter().toSeconds())));
        }
        return response.body(body);
    }
}
