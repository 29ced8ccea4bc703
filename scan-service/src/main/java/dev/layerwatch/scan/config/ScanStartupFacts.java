package dev.layerwatch.scan.config;

import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.startup.StartupFact;
import dev.layerwatch.scan.pipeline.VulnDbMatchers;
import dev.layerwatch.scan.vulndb.VulnDbUpdateSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** scan-service's start-up facts: registries it may contact, the vulnerability DB, the updater and the retry window. */
@Component
public class ScanStartupFacts implements StartupFact {

    private final RegistriesProperties registries;
    private final VulnDbProperties vulndb;
    private final ScanRetryProperties retry;
    private final VulnDbMatchers matching;
    private final ObjectProvider<VulnDbUpdateSchedule> updater;

    public ScanStartupFacts(RegistriesProperties registries, VulnDbProperties vulndb, ScanRetryProperties retry,
                            VulnDbMatchers matching, ObjectProvider<VulnDbUpdateSchedule> updater) {
        this.registries = registries;
        this.vulndb = vulndb;
        this.retry = retry;
        this.matching = matching;
        this.updater = updater;
    }

    @Override
    public List<String> lines() {
        String hosts = registries.registries() == null || registries.registries().isEmpty() ? "none (layerwatch.registries: nothing will be scanned)"
                : String.join(", ", registries.registries().stream().map(r -> r.host() + (r.insecure() ? " (http)" : "")).toList());
        String db = matching.currentSnapshot().map(s -> {
            String age = s.builtAt() == null ? "age unknown" : Duration.between(s.builtAt(), Instant.now()).toDays() + " days old";
            String stale = VulnerabilityStatus.judged(s.version(), s.builtAt(), vulndb.maxAge(), Instant.now()).checked() ? ""
                    : " — OLDER THAN layerwatch.vulndb.max-age " + vulndb.maxAge().toDays() + "d: results say NOT CHECKED";
            return "snapshot " + s.version() + " (" + age + ")" + stale;
        }).orElse(vulndb.dir() == null ? "none — layerwatch.vulndb.dir is not set: every result says NOT CHECKED"
                : "none yet in " + vulndb.dir() + " — results say NOT CHECKED until a snapshot lands");
        VulnDbUpdateSchedule u = updater.getIfAvailable();
        String update = u == null ? "off" : "on, every " + vulndb.update().every() + " from " + String.join(", ", u.describeSources());
        return List.of("registries: " + hosts, "vulnerability DB: " + db, "vulnerability DB updater: " + update,
                "registry outages: retried for " + retry.window() + " via image-pushed.v1.retry, then announced as FAILED;"
                        + " replay the DLQ with POST /actuator/dlqreplay");
    }
}
