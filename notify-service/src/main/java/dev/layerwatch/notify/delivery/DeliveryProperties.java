package dev.layerwatch.notify.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard delivery tries, under {@code layerwatch.notify.delivery}.
 *
 * @param timeout                  connect and response timeout of every HTTP call
 * @param attempts                 in-process attempts per target before the retry topic takes over
 * @param initialBackoff           first in-process wait, doubled per attempt, with jitter
 * @param maxInlineWait            longest in-process wait; a longer {@code Retry-After} goes to the retry topic
 * @param retryTopicAttempts       rounds through the retry topic before the dead-letter topic
 * @param retryTopicBackoff        first wait on the retry topic, doubled per round
 * @param retryTopicMaxBackoff     cap of that wait
 * @param circuitOpenFor           how long a target's circuit stays open after it keeps failing
 * @param slackPerSecond           messages per second per Slack channel (Slack allows about one)
 * @param jiraConcurrentCalls      bulkhead size for Jira
 * @param idempotencyTtl           how long "event x was delivered to target y" is remembered
 * @param stateTtl                 how long what was announced per image (and Slack thread ids) is remembered
 */
@ConfigurationProperties("layerwatch.notify.delivery")
public record DeliveryProperties(Duration timeout, int attempts, Duration initialBackoff, Duration maxInlineWait,
                                 int retryTopicAttempts, Duration retryTopicBackoff, Duration retryTopicMaxBackoff,
                                 Duration circuitOpenFor, int slackPerSecond, int jiraConcurrentCalls,
                                 Duration idempotencyTtl, Duration stateTtl) {

    public DeliveryProperties {
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        attempts = attempts <= 0 ? 3 : attempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxInlineWait = maxInlineWait == null ? Duration.ofSeconds(10) : maxInlineWait;
        retryTopicAttempts = retryTopicAttempts <= 0 ? 12 : retryTopicAttempts;
        retryTopicBackoff = retryTopicBackoff == null ? Duration.ofSeconds(5) : retryTopicBackoff;
        retryTopicMaxBackoff = retryTopicMaxBackoff == null ? Duration.ofMinutes(2) : retryTopicMaxBackoff;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
        slackPerSecond = slackPerSecond <= 0 ? 1 : slackPerSecond;
        jiraConcurrentCalls = jiraConcurrentCalls <= 0 ? 4 : jiraConcurrentCalls;
        idempotencyTtl = idempotencyTtl == null ? Duration.ofDays(7) : idempotencyTtl;
        stateTtl = stateTtl == null ? Duration.ofDays(90) : stateTtl;
    }

    public static DeliveryProperties defaults() {
        return new DeliveryProperties(null, 0, null, null, 0, null, null, null, 0, 0, null, null);
    }

    /** The wait before retry-topic round {@code round} (0-based): doubled per round, capped, never below what the target asked. */
    public Duration retryTopicWait(int round, Duration askedFor) {
        long millis = retryTopicBackoff.toMillis() << Math.min(round, 20);
        Duration wait = Duration.ofMillis(Math.min(millis, retryTopicMaxBackoff.toMillis()));
        return askedFor != null && askedFor.compareTo(wait) > 0 ? askedFor : wait;
    }
}
