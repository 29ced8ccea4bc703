package dev.layerwatch.notify.pipeline;

import dev.layerwatch.notify.delivery.DeliveryLedger;
import dev.layerwatch.notify.delivery.DeliveryProperties;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.delivery.ResilientDelivery;
import dev.layerwatch.notify.jira.JiraProperties;
import dev.layerwatch.notify.routing.NotificationRouter;
import dev.layerwatch.notify.slack.SlackProperties;
import dev.layerwatch.notify.webhook.WebhookProperties;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires channels, routing, resilience and state from the {@code layerwatch.notify.*} properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SlackProperties.class, JiraProperties.class, WebhookProperties.class,
        NotifyRoutingProperties.class, DeliveryProperties.class})
public class NotifyChannelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyChannelConfiguration.class);

    @Bean
    public DeliveryLedger notifyDeliveryLedger(StringRedisTemplate redis, DeliveryProperties delivery) {
        return new DeliveryLedger(redis, delivery);
    }

    @Bean
    public Notifiers notifyChannels(SlackProperties slack, JiraProperties jira, WebhookProperties webhook,
                               DeliveryProperties delivery, DeliveryLedger notifyDeliveryLedger) {
        Notifiers notifiers = Notifiers.configured(slack, jira, webhook, new NotifyHttpTransport(delivery.timeout()),
                notifyDeliveryLedger, Clock.systemUTC());
        LOG.info("notify-service channels: {}", notifiers.kinds());
        return notifiers;
    }

    @Bean
    public ResilientDelivery notifyResilientDelivery(DeliveryProperties delivery, ObjectProvider<RetryRegistry> retries,
                                                     ObjectProvider<CircuitBreakerRegistry> breakers,
                                                     ObjectProvider<RateLimiterRegistry> rateLimiters,
                                                     ObjectProvider<BulkheadRegistry> bulkheads) {
        return new ResilientDelivery(delivery, retries.getIfAvailable(RetryRegistry::ofDefaults),
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults),
                rateLimiters.getIfAvailable(RateLimiterRegistry::ofDefaults),
                bulkheads.getIfAvailable(BulkheadRegistry::ofDefaults));
    }

    @Bean
    public DeliveryTopics notifyDeliveryTopics(StreamBridge streamBridge) {
        return new DeliveryTopics(streamBridge);
    }

    @Bean
    public ScanNotifications scanNotifications(NotifyRoutingProperties routing, SlackProperties slack, Notifiers notifyChannels,
                                               ResilientDelivery notifyResilientDelivery, DeliveryLedger notifyDeliveryLedger,
                                               DeliveryTopics notifyDeliveryTopics, DeliveryProperties delivery,
                                               io.micrometer.core.instrument.MeterRegistry meters) {
        NotificationRouter router = new NotificationRouter(routing.toRules(), notifyChannels.kinds(),
                rule -> slack.destination(rule.slackChannel()));
        return new ScanNotifications(router, notifyChannels, notifyResilientDelivery, notifyDeliveryLedger,
                notifyDeliveryTopics, delivery, Clock.systemUTC(), new NotifyMetrics(meters));
    }
}
