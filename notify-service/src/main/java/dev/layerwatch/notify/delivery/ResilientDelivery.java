package dev.layerwatch.notify.delivery;

import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Target;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Wraps a delivery to one target in its own retry (exponential backoff with jitter, honouring
 * {@code Retry-After}), circuit breaker, and — for Slack — a rate limiter per channel, for Jira a
 * bulkhead. Instances are named {@code notify-<target id>} in the Resilience4j registries, so the
 * actuator and metrics show them per target.
 */
public final class ResilientDelivery {

    private final DeliveryProperties properties;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry rateLimiters;
    private final BulkheadRegistry bulkheads;

    public ResilientDelivery(DeliveryProperties properties, RetryRegistry retries, CircuitBreakerRegistry breakers,
                             RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        this.properties = properties;
        this.retries = retries;
        this.breakers = breakers;
        this.rateLimiters = rateLimiters;
        this.bulkheads = bulkheads;
    }

    /** Runs {@code send} for {@code target} and says what became of it; never throws a {@link DeliveryFailure}. */
    public DeliveryOutcome run(Target target, Runnable send) {
        String name = "notify-" + target.id();
        Supplier<String> call = () -> {
            send.run();
            return "delivered to " + target.id();
        };
        if (target.kind() == ChannelKind.SLACK) {
            call = RateLimiter.decorateSupplier(rateLimiter(name), call);
        } else if (target.kind() == ChannelKind.JIRA) {
            call = Bulkhead.decorateSupplier(bulkhead(name), call);
        }
        call = CircuitBreaker.decorateSupplier(breaker(name), call);
        call = Retry.decorateSupplier(retry(name), call);
        try {
            return new DeliveryOutcome.Delivered(call.get());
        } catch (RejectedDelivery e) {
            return new DeliveryOutcome.Rejected(e.getMessage());
        } catch (RetryableDeliveryFailure e) {
            return new DeliveryOutcome.RetryLater(e.getMessage(), e.retryAfter());
        } catch (CallNotPermittedException e) {
            return new DeliveryOutcome.RetryLater("circuit open for " + target.id() + " after repeated failures", properties.circuitOpenFor());
        } catch (RequestNotPermitted | BulkheadFullException e) {
            return new DeliveryOutcome.RetryLater("too many calls to " + target.id() + ": " + e.getMessage(), null);
        }
    }

    private Retry retry(String name) {
        long initial = properties.initialBackoff().toMillis();
        IntervalBiFunction<Object> wait = (attempt, either) -> {
            if (either.isLeft() && either.getLeft() instanceof RetryableDeliveryFailure f && f.retryAfter() != null) {
                return f.retryAfter().toMillis();
            }
            long exponential = initial << Math.min(attempt - 1, 16);
            long jitter = ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
            return Math.min(exponential + jitter, properties.maxInlineWait().toMillis());
        };
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .intervalBiFunction(wait)
                .retryOnException(e -> e instanceof RetryableDeliveryFailure f
                        && (f.retryAfter() == null || f.retryAfter().compareTo(properties.maxInlineWait()) <= 0))
                .failAfterMaxAttempts(false)
                .build();
        return retries.retry(name, () -> config);
    }

    private CircuitBreaker breaker(String name) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof RetryableDeliveryFailure)
                .build();
        return breakers.circuitBreaker(name, () -> config);
    }

    private RateLimiter rateLimiter(String name) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(properties.slackPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(properties.maxInlineWait())
                .build();
        return rateLimiters.rateLimiter(name, () -> config);
    }

    private Bulkhead bulkhead(String name) {
        BulkheadConfig config = BulkheadConfig.custom()
                .maxConcurrentCalls(properties.jiraConcurrentCalls())
                .maxWaitDuration(properties.maxInlineWait())
                .build();
        return bulkheads.bulkhead(name, () -> config);
    }
}
