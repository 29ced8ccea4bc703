package dev.layerwatch.notify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.Topics;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The binding destinations in layerwatch-notify.yaml are the names {@link Topics} defines. */
class NotifyBindingsTest {

    private static Properties yaml(String name) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(name));
        return factory.getObject();
    }

    @Test
    void destinationsAndDeadLetterTopicsComeFromTopics() {
        Properties p = yaml("layerwatch-notify.yaml");
        String prefix = "spring.cloud.stream.bindings.";

        assertThat(p.getProperty(prefix + "notifyFindings-in-0.destination")).isEqualTo(Topics.SCAN_COMPLETED);
        assertThat(p.getProperty(prefix + "notifyFindings-in-0.group")).isEqualTo("notify-service");
        assertThat(p.getProperty(prefix + "retryNotifications-in-0.destination")).isEqualTo(Topics.retry(Topics.SCAN_COMPLETED));
        assertThat(p.getProperty(prefix + "notifyRetry.destination")).isEqualTo(Topics.retry(Topics.SCAN_COMPLETED));
        assertThat(p.getProperty(prefix + "notifyDeadLetter.destination")).isEqualTo(Topics.deadLetter(Topics.SCAN_COMPLETED));
        assertThat(p.getProperty("spring.cloud.stream.kafka.bindings.notifyFindings-in-0.consumer.dlq-name")).isEqualTo(Topics.deadLetter(Topics.SCAN_COMPLETED));
        assertThat(p.getProperty("spring.cloud.stream.kafka.bindings.retryNotifications-in-0.consumer.dlq-name")).isEqualTo(Topics.deadLetter(Topics.SCAN_COMPLETED));
        assertThat(p.getProperty("spring.cloud.stream.kafka.bindings.notifyRetry.producer.sync")).isEqualTo("true");
        assertThat(p.getProperty("spring.cloud.stream.kafka.bindings.notifyDeadLetter.producer.sync")).isEqualTo("true");
    }

    @Test
    void functionDefinitionNamesBothConsumers() {
        assertThat(yaml("application.yaml").getProperty("spring.cloud.function.definition")).isEqualTo("notifyFindings;retryNotifications");
    }
}
