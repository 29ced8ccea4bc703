package dev.layerwatch.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @Test
    void recordsAndCommittedOffsetsSurviveAStopAndANewBrokerOnTheSameLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(log).partitions(1).build().start()) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            kafka.createTopics("t");
            produce(kafka.bootstrapServers(), "one", "two");
            assertThat(consume(kafka.bootstrapServers(), "g", 2)).containsExactly("one", "two");
        }
        assertThat(log.resolve("meta.properties")).as("a graceful stop keeps the log").exists();
        assertThat(Files.list(log).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("t-0"));

        // a new broker object (as after a JVM restart) on the same directory, at a different port
        try (EmbeddedKafka again = EmbeddedKafka.builder(log).partitions(1).build().start()) {
            produce(again.bootstrapServers(), "three");
            assertThat(consume(again.bootstrapServers(), "g", 1)).as("group g resumes after its committed offset").containsExactly("three");
            assertThat(consume(again.bootstrapServers(), "fresh", 3)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void restartKeepsTheAddressAndTheRecordsAndBothListenersAreOnLoopback(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(dir).partitions(1).build().start()) {
            String address = kafka.bootstrapServers();
            kafka.createTopics("t");
            produce(address, "before");
            kafka.restart();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            produce(address, "after");
            assertThat(consume(address, "g", 2)).containsExactly("before", "after");
            assertThat(listeningAddresses(kafka.controllerPort())).containsOnly("127.0.0.1");
            assertThat(listeningAddresses(Integer.parseInt(address.substring(address.indexOf(':') + 1)))).containsOnly("127.0.0.1");
        }
    }

    /** Local addresses of listening TCP sockets on {@code port}, from /proc/net/tcp (IPv4) and tcp6. */
    static List<String> listeningAddresses(int port) throws Exception {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (!f[3].equals("0A") || Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                String hex = local[0];
                if (hex.length() == 8) {
                    out.add(Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                            + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16));
                } else {
                    out.add(hex.equals("00000000000000000000000000000000") ? "::" : hex.endsWith("0100007F") ? "127.0.0.1" : hex);
                }
            }
        }
        return out;
    }

    private static void produce(String bootstrap, String... values) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                p.send(new ProducerRecord<>("t", v)).get();
            }
        }
    }

    private static List<String> consume(String bootstrap, String group, int count) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("t"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            for (int i = 0; i < 3; i++) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            c.commitSync();
        }
        return out;
    }
}
