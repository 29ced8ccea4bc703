package dev.layerwatch.report.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.report.ReportApi;
import dev.layerwatch.report.ReportApplication;
import dev.layerwatch.report.ScanResultFixtures;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.postgres.PostgresServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PostgreSQL down: health DOWN, results wait in Kafka (nothing dead-lettered), stored once when it is back. */
@SpringBootTest(classes = ReportApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresOutageIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static PostgresServerExtension postgres = PostgresServerExtension.dedicated();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        props.add("spring.datasource.url", postgres::jdbcUrl);
        props.add("spring.datasource.username", postgres::username);
        props.add("management.server.port", () -> "0");
        props.add("layerwatch.report.consumer.group", () -> "report-service-outage-it");
        props.add("layerwatch.report.consumer.store-retry-max-interval", () -> "2s");
        props.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcClient jdbc;

    @Test
    void resultsWaitInKafkaWhilePostgresIsDownAndAreStoredOnceItIsBack() throws Exception {
        ReportApi management = new ReportApi("http://127.0.0.1:" + managementPort, null);
        assertThat(management.get("/actuator/health").body().path("status").asString()).isEqualTo("UP");

        postgres.stop();
        ScanCompleted result = ScanResultFixtures.javaApp("outage/app", "1", Instant.parse("2026-12-03T08:00:00Z"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SCAN_COMPLETED, result.key(), EventJson.write(result))).get();
            producer.send(new ProducerRecord<>(Topics.SCAN_COMPLETED, result.key(), EventJson.write(result))).get();
        }
        management.await("/actuator/health", r -> r.status() == 503 && r.body().path("status").asString().equals("DOWN"), Duration.ofSeconds(30));
        Thread.sleep(8000); // several failed attempts while it is down

        postgres.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (count(result.eventId()) == 0) {
            assertThat(System.nanoTime()).as("stored after PostgreSQL came back").isLessThan(deadline);
            Thread.sleep(250);
        }
        Thread.sleep(2000);
        assertThat(count(result.eventId())).as("the redelivered copy is not stored twice").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM findings f JOIN repositories r ON r.id = f.repository_id WHERE r.name = 'outage/app'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(kafka.readAll(Topics.deadLetter(Topics.SCAN_COMPLETED), 0, Duration.ofSeconds(3)))
                .noneMatch(r -> result.key().equals(r.key()));
        management.await("/actuator/health", r -> r.body().path("status").asString().equals("UP"), Duration.ofSeconds(30));
    }

    private long count(String eventId) {
        try {
            return jdbc.sql("SELECT count(*) FROM scans WHERE event_id = :id").param("id", eventId).query(Long.class).single();
        } catch (org.springframework.dao.DataAccessException stillDown) {
            return 0;
        }
    }
}
