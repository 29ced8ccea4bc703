package dev.layerwatch.notify;

import dev.layerwatch.common.startup.StartupFact;
import dev.layerwatch.common.startup.StartupSummary;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotifyApplication {
    public static void main(String[] args) {
        SpringApplication.run(NotifyApplication.class, args);
    }

    /** One block at start-up saying what is active (sources, registries, vulnerability DB, notifiers). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startupSummary(List<StartupFact> facts) {
        return ready -> LoggerFactory.getLogger("layerwatch.startup").info(StartupSummary.render("notify-service", facts));
    }
}
