package dev.layerwatch.scan.metrics;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.scan.pipeline.VulnDbMatchers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges read every 30 s on a thread of their own: records waiting on the retry topic and in the DLQ (end offset minus
 * what the retry consumers, resp. the DLQ replay, committed) [{@code layerwatch_scan_queue_depth}], and the
 * vulnerability snapshot in use: its age [{@code layerwatch_vulndb_snapshot_age_seconds}, NaN without one] and
 * version [{@code layerwatch_vulndb_snapshot_info{version=…}} = 1].
 */
@Component
public class ScanStateGauges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScanStateGauges.class);

    private final String brokers;
    private final VulnDbMatchers matching;
    private final MultiGauge snapshotInfo;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scan-state-gauges");
        t.setDaemon(true);
        return t;
    });
    private volatile double retryDepth = Double.NaN;
    private volatile double dlqDepth = Double.NaN;
    private volatile double snapshotAgeSeconds = Double.NaN;
    private Admin admin;

    public ScanStateGauges(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                           VulnDbMatchers matching, MeterRegistry registry) {
        this.brokers = brokers;
        this.matching = matching;
        Gauge.builder("layerwatch.scan.queue.depth", this, g -> g.retryDepth)
                .description("Records waiting: on the retry topic (not yet retried) or in the DLQ (not yet replayed)")
                .tag("queue", "retry").register(registry);
        Gauge.builder("layerwatch.scan.queue.depth", this, g -> g.dlqDepth)
                .description("Records waiting: on the retry topic (not yet retried) or in the DLQ (not yet replayed)")
                .tag("queue", "dlq").register(registry);
        Gauge.builder("layerwatch.vulndb.snapshot.age", this, g -> g.snapshotAgeSeconds).baseUnit("seconds")
                .description("Age of the vulnerability DB snapshot scans match against (since it was built); NaN when none is loaded")
                .register(registry);
        snapshotInfo = MultiGauge.builder("layerwatch.vulndb.snapshot.info")
                .description("The vulnerability DB snapshot in use, as a version label with value 1; absent when none is loaded")
                .register(registry);
        executor.scheduleWithFixedDelay(this::refresh, 5, 30, TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            var snapshot = matching.currentSnapshot();
            snapshotAgeSeconds = snapshot.map(s -> s.builtAt() == null ? Double.NaN
                    : (double) Duration.between(s.builtAt(), Instant.now()).toSeconds()).orElse(Double.NaN);
            snapshotInfo.register(snapshot.map(s -> List.of(MultiGauge.Row.of(Tags.of("version", s.version()), 1))).orElse(List.of()), true);
        } catch (RuntimeException e) {
            log.debug("vulnerability DB gauges not refreshed", e);
        }
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
            }
            retryDepth = depth(Topics.retry(Topics.IMAGE_PUSHED), "scan-service-retry");
            dlqDepth = depth(Topics.deadLetter(Topics.IMAGE_PUSHED), "scan-service-dlq-replay");
        } catch (Exception e) {
            log.debug("queue depth gauges not refreshed: {}", e.toString());
        }
    }

    private double depth(String topic, String group) throws Exception {
        var description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetSpec> earliest = latest.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long total = 0;
        for (TopicPartition tp : latest.keySet()) {
            OffsetAndMetadata c = committed.get(tp);
            long from = c == null ? start.get(tp).offset() : c.offset();
            total += Math.max(0, end.get(tp).offset() - from);
        }
        return total;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
