package dev.layerwatch.standalone;

import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.notify.NotifyApplication;
import dev.layerwatch.report.ReportApplication;
import dev.layerwatch.scan.ScanApplication;
import dev.layerwatch.common.startup.StartupFact;
import dev.layerwatch.common.startup.StartupSummary;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Clair's "combo" mode: ingest, scan, notify and report in one JVM, on an embedded Kafka broker, Redis and PostgreSQL unless
 * external ones are configured ({@link EmbeddedInfrastructure}). The services' own application classes are
 * left out of the scan so that their {@code @SpringBootApplication} settings do not apply twice.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.layerwatch.ingest", "dev.layerwatch.scan", "dev.layerwatch.notify", "dev.layerwatch.report", "dev.layerwatch.standalone"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {IngestApplication.class, ScanApplication.class, NotifyApplication.class, ReportApplication.class}))
public class StandaloneApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(StandaloneApplication.class, args);
        } catch (RuntimeException e) {
            // Spring has logged why; the embedded broker's threads would keep a half-started JVM alive
            System.exit(1);
        }
    }

    /** One block at start-up saying what is active (sources, registries, vulnerability DB, notifiers). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startupSummary(List<StartupFact> facts) {
        return ready -> LoggerFactory.getLogger("layerwatch.startup").info(StartupSummary.render("standalone (ingest + scan + notify)", facts));
    }
}
