package dev.layerwatch.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerExtensionIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    void acknowledgedRecordsCanBeReadBack() throws Exception {
        kafka.createTopics("kit-test.v1");
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kit-test.v1", "k1", "v1")).get();
            producer.send(new ProducerRecord<>("kit-test.v1", "k2", "v2")).get();
        }
        assertThat(kafka.readAll("kit-test.v1", 2, Duration.ofSeconds(20)))
                .extracting(r -> r.key() + "=" + r.value())
                .containsExactlyInAnyOrder("k1=v1", "k2=v2");
    }
}
