package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.delivery.DeliveryLedger;
import dev.layerwatch.notify.delivery.DeliveryOutcome;
import dev.layerwatch.notify.delivery.DeliveryProperties;
import dev.layerwatch.notify.delivery.FailedDelivery;
import dev.layerwatch.notify.delivery.Notifier;
import dev.layerwatch.notify.delivery.PendingDelivery;
import dev.layerwatch.notify.delivery.ResilientDelivery;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.NotificationRouter;
import dev.layerwatch.notify.routing.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification flow for one scan: route, skip what was delivered already (event id + target),
 * strip what the target already knows, deliver with resilience, and settle the outcome — recorded in
 * Redis, or handed to the retry topic, or to the dead-letter topic. It returns only once the outcome
 * is recorded, so the caller may commit the offset.
 */
public class ScanNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(ScanNotifications.class);

    /** Longer than any single delivery can take (in-process retries included), so a claim never expires mid-send. */
    private static final Duration CLAIM_HOLD = Duration.ofMinutes(5);

    private final NotificationRouter router;
    private final Notifiers notifiers;
    private final ResilientDelivery resilience;
    private final DeliveryLedger ledger;
    private final DeliveryTopics topics;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final NotifyMetrics metrics;

    public ScanNotifications(NotificationRouter router, Notifiers notifiers, ResilientDelivery resilience, DeliveryLedger ledger,
                             DeliveryTopics topics, DeliveryProperties properties, Clock clock) {
        this(router, notifiers, resilience, ledger, topics, properties, clock,
                new NotifyMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    public ScanNotifications(NotificationRouter router, Notifiers notifiers, ResilientDelivery resilience, DeliveryLedger ledger,
                             DeliveryTopics topics, DeliveryProperties properties, Clock clock, NotifyMetrics metrics) {
        this.metrics = metrics;
        this.router = router;
        this.notifiers = notifiers;
        this.resilience = resilience;
        this.ledger = ledger;
        this.topics = topics;
        this.properties = properties;
        this.clock = clock;
    }

    public void notify(ScanCompleted scan) {
        for (Notification n : router.route(scan)) {
            settle(n.target(), scan, deliver(n), 0);
        }
    }

    /** Retries one target of one scan, after waiting until {@code notBefore}. */
    public void retry(PendingDelivery pending) throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), pending.notBefore());
        if (!wait.isNegative()) {
            Thread.sleep(Math.min(wait.toMillis(), properties.retryTopicMaxBackoff().toMillis()));
        }
        Target target = Target.parse(pending.target());
        Optional<Notification> n = router.route(pending.scan()).stream().filter(x -> x.target().equals(target)).findFirst();
        if (n.isEmpty()) {
            LOG.warn("dropping retry of scan {} for {}: the routing rules no longer send it there", pending.scan().eventId(), target);
            return;
        }
        settle(target, pending.scan(), deliver(n.get()), pending.round());
    }

    DeliveryOutcome deliver(Notification n) {
        String eventId = n.scan().eventId();
        Target target = n.target();
        try {
            if (!ledger.claim(eventId, target, CLAIM_HOLD)) {
                return new DeliveryOutcome.RetryLater("delivery of scan " + eventId + " to " + target + " is in progress elsewhere", null);
            }
        } catch (RuntimeException e) {
            return new DeliveryOutcome.RetryLater("claim scan " + eventId + " for " + target + ": " + e, null);
        }
        try {
            if (ledger.delivered(eventId, target)) {
                return new DeliveryOutcome.Delivered("already delivered");
            }
            Notifier notifier = notifiers.of(target.kind());
            boolean changesOnly = notifier.announcesChangesOnly() && !n.failedScan();
            Notification effective = n;
            if (changesOnly) {
                Set<String> announced = ledger.announced(target, n.imageKey());
                effective = n.without(announced);
                if (!announced.isEmpty() && !effective.hasFindings()) {
                    ledger.recordDelivered(eventId, target, "nothing new");
                    return new DeliveryOutcome.Delivered("nothing new");
                }
            }
            Notification toSend = effective;
            DeliveryOutcome outcome = resilience.run(target, () -> notifier.deliver(toSend));
            if (outcome instanceof DeliveryOutcome.Delivered delivered) {
                if (changesOnly) {
                    ledger.recordAnnounced(target, n.imageKey(), toSend.findingKeys());
                }
                ledger.recordDelivered(eventId, target, delivered.detail());
            }
            return outcome;
        } catch (RuntimeException e) {
            return new DeliveryOutcome.RetryLater("deliver scan " + eventId + " to " + target + ": " + e, null);
        } finally {
            try {
                ledger.release(eventId, target);
            } catch (RuntimeException e) {
                LOG.warn("cannot release delivery claim of scan {} for {}; it expires in {}", eventId, target, CLAIM_HOLD);
            }
        }
    }

    private void settle(Target target, ScanCompleted scan, DeliveryOutcome outcome, int round) {
        switch (outcome) {
            case DeliveryOutcome.Delivered d -> {
                LOG.debug("scan {} to {}: {}", scan.eventId(), target, d.detail());
                boolean skipped = "already delivered".equals(d.detail()) || "nothing new".equals(d.detail());
                metrics.settled(target, skipped ? "skipped" : "delivered");
                if (!skipped) {
                    metrics.delivered(target, scan, clock.instant());
                }
            }
            case DeliveryOutcome.Rejected r -> {
                LOG.warn("scan {} to {} rejected, dead-lettered: {}", scan.eventId(), target, r.reason());
                topics.deadLetter(new FailedDelivery(target.id(), r.reason(), round, clock.instant(), scan));
                metrics.settled(target, "dead_lettered");
            }
            case DeliveryOutcome.RetryLater r when round >= properties.retryTopicAttempts() -> {
                LOG.warn("scan {} to {} failed {} rounds, dead-lettered: {}", scan.eventId(), target, round, r.reason());
                topics.deadLetter(new FailedDelivery(target.id(), "gave up after " + round + " retry rounds: " + r.reason(),
                        round, clock.instant(), scan));
                metrics.settled(target, "dead_lettered");
            }
            case DeliveryOutcome.RetryLater r -> {
                Instant notBefore = clock.instant().plus(properties.retryTopicWait(round, r.retryAfter()));
                LOG.info("scan {} to {} failed, retry round {} not before {}: {}", scan.eventId(), target, round + 1, notBefore, r.reason());
                topics.retry(new PendingDelivery(target.id(), round + 1, notBefore, r.reason(), scan));
                metrics.settled(target, "retry");
            }
        }
    }
}
