package dev.layerwatch.ingest.http;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.ingest.intake.IncomingWebhook;
import dev.layerwatch.ingest.intake.IntakeResult;
import dev.layerwatch.ingest.intake.WebhookIntake;
import dev.layerwatch.ingest.intake.WebhookRejection;
import dev.layerwatch.ingest.metrics.IngestMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * {@code POST /webhooks/{source}} and {@code /webhooks/{source}/{secret}}. Reads the raw body itself (signatures are
 * computed over the exact bytes, and the size limit must hold before anything is buffered whole) and leaves every
 * decision to {@link WebhookIntake}. Answers 202 with counts, or the rejection's status with a JSON error body.
 *
 * <p>A plain servlet rather than a controller: the endpoint takes raw bytes and answers a tiny JSON object, so
 * Spring MVC's handler lookup, argument resolution and message-converter negotiation did nothing for it yet cost
 * about a third of the request's CPU under load. The servlet filters (request metrics and observation) still apply.
 */
public class WebhookServlet extends HttpServlet {

    private final transient WebhookIntake intake;
    private final transient IngestMetrics metrics;
    private final long maxBodyBytes;
    private final Duration bodyReadTimeout;

    public WebhookServlet(WebhookIntake intake, IngestMetrics metrics, IngestWebhookProperties properties) {
        this.intake = intake;
        this.metrics = metrics;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.bodyReadTimeout = properties.bodyReadTimeout();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] segments = pathSegments(request.getPathInfo());
        if (segments == null) {
            write(response, new WebhookRejection(404, "no webhook endpoint at " + request.getRequestURI()
                    + ": POST /webhooks/{source} or /webhooks/{source}/{secret}"));
            return;
        }
        String source = segments[0];
        String secret = segments.length > 1 ? segments[1] : null;
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
            writeJson(response, 202, answer);
        } catch (WebhookRejection rejection) {
            metrics.rejected(source, rejection.status());
            metrics.latency(source, "rejected", Duration.ofNanos(System.nanoTime() - start));
            write(response, rejection);
        }
    }

    /** {@code [source]} or {@code [source, secret]}, or null for any other shape. */
    private static String[] pathSegments(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        if (segments.length > 2 || segments[0].isEmpty() || (segments.length == 2 && segments[1].isEmpty())) {
            return null;
        }
        return segments;
    }

    private byte[] readBody(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        long deadline = System.nanoTime() + bodyReadTimeout.toNanos();
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                // sized exactly: a 16 KiB chunk for every small notification would be waste
                byte[] body = new byte[(int) declared];
                int n = readUntil(in, body, deadline);
                if (n < body.length) {
                    return java.util.Arrays.copyOf(body, n);
                }
                if (in.read() != -1) {
                    throw tooLarge();
                }
                return body;
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = readUntil(in, chunk, deadline)) > 0) {
                out.write(chunk, 0, n);
                if (out.size() > maxBodyBytes) {
                    throw tooLarge();
                }
                if (n < chunk.length) {
                    break;
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new WebhookRejection(400, "could not read the request body: " + e.getMessage());
        }
    }

    /**
     * Fills {@code buffer} from {@code in} until it is full or the body ends; each blocking read is bounded by the
     * connector's idle timeout, and the whole by {@code deadline} (408), so a trickle of bytes cannot hold the
     * request forever. Returns how many bytes were read (less than the buffer only at the end of the body).
     */
    private int readUntil(InputStream in, byte[] buffer, long deadline) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            if (System.nanoTime() - deadline > 0) {
                throw new WebhookRejection(408, "request body not received within " + bodyReadTimeout.toMillis()
                        + " ms (layerwatch.ingest.webhook.body-read-timeout)");
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private WebhookRejection tooLarge() {
        return new WebhookRejection(413, "request body exceeds the limit of " + maxBodyBytes + " bytes (layerwatch.ingest.webhook.max-body-size)");
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
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

    private static void write(HttpServletResponse response, WebhookRejection rejection) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", rejection.getMessage());
        body.put("status", rejection.status());
        if (rejection.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, rejection.retryAfter().toSeconds())));
        }
        writeJson(response, rejection.status(), body);
    }

    private static void writeJson(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        byte[] json = EventJson.mapper().writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
