package dev.layerwatch.report.consumer;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.report.store.ScanResultStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads each scan result with the contract's own JSON form and stores it. */
@Component
public class ScanResultListener {

    private static final Logger log = LoggerFactory.getLogger(ScanResultListener.class);

    private final ScanResultStore store;
    private final MeterRegistry meters;

    public ScanResultListener(ScanResultStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    @KafkaListener(id = "report-service-scan-results", topics = Topics.SCAN_COMPLETED, groupId = "${layerwatch.report.consumer.group:report-service}",
            containerFactory = ReportConsumerConfiguration.CONTAINER_FACTORY, concurrency = "${layerwatch.report.consumer.concurrency:2}")
    public void storeScanResult(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty scan-completed record at offset " + record.offset());
        }
        ScanCompleted result = EventJson.read(record.value(), ScanCompleted.class);
        ScanResultStore.Outcome outcome = store.store(result);
        meters.counter("layerwatch.report.results", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        log.debug("{} scan result {} for {}", outcome, result.eventId(), result.image());
    }
}
