package dev.layerwatch.ingest.intake;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.ingest.auth.PresentedCredentials;
import dev.layerwatch.ingest.auth.WebhookAuthenticator;
import dev.layerwatch.ingest.dedupe.DeliveryDedupe;
import dev.layerwatch.ingest.metrics.IngestMetrics;
import dev.layerwatch.ingest.publish.ImagePushedPublisher;
import dev.layerwatch.ingest.publish.IngestPublisherProperties;
import dev.layerwatch.ingest.publish.PublishOutcome;
import dev.layerwatch.ingest.registry.RegistryAllowlist;
import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import dev.layerwatch.ingest.webhook.WebhookDelivery;
import dev.layerwatch.ingest.webhook.WebhookSource;
import dev.layerwatch.ingest.webhook.WebhookSources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one delivery through the steps of the package. Everything is translated and checked before anything is
 * published, so bad input publishes nothing; a publish failure is a 503 and only the events the broker did
 * acknowledge are remembered for dedupe, so the sender's retry publishes exactly the rest.
 */
@Component
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final WebhookAuthenticator authenticator;
    private final RegistryAllowlist allowlist;
    private final DeliveryDedupe dedupe;
    private final ImagePushedPublisher publisher;
    private final IngestMetrics metrics;
    private final IngestPublisherProperties publisherProperties;
    private final Clock clock;
    private final SourceThrottle throttle;

    public WebhookIntake(WebhookAuthenticator authenticator, RegistryAllowlist allowlist, DeliveryDedupe dedupe,
            ImagePushedPublisher publisher, IngestMetrics metrics, IngestPublisherProperties publisherProperties,
            SourceThrottle throttle) {
        this.throttle = throttle;
        this.authenticator = authenticator;
        this.allowlist = allowlist;
        this.dedupe = dedupe;
        this.publisher = publisher;
        this.metrics = metrics;
        this.publisherProperties = publisherProperties;
        this.clock = Clock.systemUTC();
    }

    /** A source that exists and has a credential; otherwise a 404 saying how to enable it. */
    public WebhookSource enabledSource(String name) {
        Optional<WebhookSource> source = WebhookSources.byName(name);
        if (source.isEmpty()) {
            throw new WebhookRejection(404, "unknown webhook source '" + name + "'");
        }
        if (!authenticator.enabled(name)) {
            throw new WebhookRejection(404, "webhook source '" + name + "' is disabled: set layerwatch.ingest." + name + ".token to enable it");
        }
        return source.get();
    }

    public IntakeResult receive(IncomingWebhook request) {
        WebhookSource source = enabledSource(request.source());
        PresentedCredentials presented = new PresentedCredentials(request.headers(), request.pathSecret(), request.queryToken(), request.body());
        authenticator.failure(source.name(), source.authSchemes(), presented).ifPresent(reason -> {
            log.warn("rejected {} webhook: authentication failed ({})", source.name(), reason);
            throw new WebhookRejection(401, "authentication failed for webhook source '" + source.name() + "': " + reason);
        });
        String contentType = request.headers().get("content-type");
        if (!source.accepts(contentType)) {
            throw new WebhookRejection(415, "webhook source '" + source.name() + "' accepts " + String.join(", ", new TreeSet<>(source.contentTypes()))
                    + ", not " + (contentType == null ? "a request without Content-Type" : contentType));
        }
        try (SourceThrottle.Permit permit = throttle.enter(source.name())) {
            return receive(source, request);
        }
    }

    private IntakeResult receive(WebhookSource source, IncomingWebhook request) {
        Translation translation = translate(source, request);
        Map<String, Integer> ignored = new TreeMap<>();
        for (Translation.Ignored event : translation.ignored()) {
            ignore(source.name(), event.reason(), ignored);
        }
        List<ImagePushed> known = new ArrayList<>();
        for (ImagePushed event : translation.pushes()) {
            if (allowlist.allows(event.registry())) {
                known.add(event);
            } else {
                dropUnknownRegistry(source.name(), event, ignored);
            }
        }
        if (!translation.invalid().isEmpty()) {
            deadLetter(source.name(), translation.invalid(), ignored);
        }
        Set<String> alreadyPublished = dedupe.alreadyPublished(source.name(), known);
        List<ImagePushed> toPublish = new ArrayList<>();
        int duplicates = 0;
        for (ImagePushed event : known) {
            if (event.sourceEventId() != null && alreadyPublished.contains(event.sourceEventId())) {
                try (MDC.MDCCloseable eventId = MDC.putCloseable("senderEventId", event.sourceEventId())) {
                    log.info("skipped {} event {} for {}: already published", source.name(), event.sourceEventId(), event.image());
                }
                ignore(source.name(), IgnoreReason.DUPLICATE, ignored);
                duplicates++;
            } else {
                toPublish.add(event);
            }
        }
        if (!toPublish.isEmpty()) {
            publish(source.name(), toPublish);
        }
        return new IntakeResult(toPublish.size(), duplicates, ignored);
    }

    private void dropUnknownRegistry(String source, ImagePushed event, Map<String, Integer> ignored) {
        try (MDC.MDCCloseable eventId = MDC.putCloseable("eventId", event.eventId());
                MDC.MDCCloseable senderEventId = MDC.putCloseable("senderEventId", event.sourceEventId())) {
            log.warn("dropped {} event {} for {}: registry {} is not configured in layerwatch.registries",
                    source, event.sourceEventId(), event.image(), event.registry());
        }
        ignore(source, IgnoreReason.UNKNOWN_REGISTRY, ignored);
    }

    private Translation translate(WebhookSource source, IncomingWebhook request) {
        JsonNode body;
        try {
            body = EventJson.mapper().readTree(request.body());
        } catch (JacksonException e) {
            throw new WebhookRejection(400, "malformed JSON in " + source.name() + " webhook: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new WebhookRejection(400, "malformed " + source.name() + " webhook: the body must be a JSON object");
        }
        WebhookDelivery delivery = new WebhookDelivery(source.name(), body, request.body(), request.headers(), clock.instant());
        try {
            return source.translator().translate(delivery);
        } catch (InvalidWebhookException e) {
            // a 4xx makes the sender resend the delivery forever, blocking everything it sends after it: the
            // delivery is recorded whole as one unreadable event and acknowledged
            return new Translation(List.of(), List.of(), List.of(new Translation.Invalid(null,
                    "invalid " + source.name() + " webhook: " + e.getMessage(),
                    new String(request.body(), java.nio.charset.StandardCharsets.UTF_8))));
        }
    }

    /** Stores unreadable events on the dead-letter topic (503 if the broker does not take them) and counts them. */
    private void deadLetter(String source, List<Translation.Invalid> invalid, Map<String, Integer> ignored) {
        List<byte[]> records = new ArrayList<>(invalid.size());
        for (Translation.Invalid event : invalid) {
            ObjectNode record = EventJson.mapper().createObjectNode();
            record.put("source", source);
            record.put("senderEventId", event.senderEventId());
            record.put("reason", event.reason());
            record.put("receivedAt", clock.instant().toString());
            record.put("event", event.rawEvent());
            records.add(EventJson.mapper().writeValueAsBytes(record));
            try (MDC.MDCCloseable senderEventId = MDC.putCloseable("senderEventId", event.senderEventId())) {
                log.warn("recorded unreadable {} event {} to {}: {}", source, event.senderEventId(),
                        Topics.WEBHOOK_DEAD_LETTER, event.reason());
            }
        }
        String failure = publisher.publishDeadLetters(source, records);
        if (failure != null) {
            metrics.publishFailed(source);
            throw new WebhookRejection(503, "unreadable events not stored, retry later: " + failure,
                    publisherProperties.retryAfter());
        }
        for (int i = 0; i < invalid.size(); i++) {
            ignore(source, IgnoreReason.INVALID, ignored);
        }
    }

    private void publish(String source, List<ImagePushed> events) {
        PublishOutcome outcome = publisher.publish(events);
        dedupe.rememberPublished(source, outcome.acknowledged());
        metrics.accepted(source, outcome.acknowledged().size());
        if (!outcome.complete()) {
            metrics.publishFailed(source);
            try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", outcome.failed().getFirst().eventId())) {
                log.warn("answering 503 to {} webhook: {} of {} events not stored: {}", source, outcome.failed().size(), events.size(), outcome.failure());
            }
            throw new WebhookRejection(503, "events not stored, retry later: " + outcome.failure(), publisherProperties.retryAfter());
        }
    }

    private void ignore(String source, IgnoreReason reason, Map<String, Integer> ignored) {
        metrics.ignored(source, reason);
        ignored.merge(reason.tag(), 1, Integer::sum);
    }
}
