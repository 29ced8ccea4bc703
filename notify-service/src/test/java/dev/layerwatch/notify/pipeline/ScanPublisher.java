package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.Topics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays scan-service: writes {@code ScanCompleted} to its topic, keyed and serialised as scan-service does. */
final class ScanPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    ScanPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    void publish(ScanCompleted scan) {
        send(scan.key(), EventJson.write(scan));
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.SCAN_COMPLETED, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish test scan to " + Topics.SCAN_COMPLETED, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
