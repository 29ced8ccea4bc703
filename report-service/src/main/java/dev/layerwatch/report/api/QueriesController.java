package dev.layerwatch.report.api;

import dev.layerwatch.report.config.ReportProperties;
import dev.layerwatch.report.query.AffectedImage;
import dev.layerwatch.report.query.BadQueryException;
import dev.layerwatch.report.query.ChangeQueries;
import dev.layerwatch.report.query.PackageImage;
import dev.layerwatch.report.query.PackageQueries;
import dev.layerwatch.report.query.Page;
import dev.layerwatch.report.query.PostureQueries;
import dev.layerwatch.report.query.VulnerabilityQueries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vulnerability → images, package → images, posture, changes, and the API's OpenAPI document. */
@RestController
@RequestMapping("/api/v1")
public class QueriesController {

    private final VulnerabilityQueries vulnerabilities;
    private final PackageQueries packages;
    private final PostureQueries posture;
    private final ChangeQueries changes;
    private final Paging paging;
    private final ReportProperties properties;

    public QueriesController(VulnerabilityQueries vulnerabilities, PackageQueries packages, PostureQueries posture,
                             ChangeQueries changes, Paging paging, ReportProperties properties) {
        this.vulnerabilities = vulnerabilities;
        this.packages = packages;
        this.posture = posture;
        this.changes = changes;
        this.paging = paging;
        this.properties = properties;
    }

    @GetMapping("/vulnerabilities/{id}/images")
    public Page<AffectedImage> affected(@PathVariable String id, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return vulnerabilities.affected(id, paging.of(page, size));
    }

    @GetMapping("/packages/images")
    public Page<PackageImage> withPackage(@RequestParam String purl, @RequestParam(required = false) String range,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return packages.images(purl, range, paging.of(page, size));
    }

    @GetMapping("/posture")
    public PostureQueries.Report posture(@RequestParam(defaultValue = "30d") String window) {
        return posture.posture(duration(window), properties.teams());
    }

    @GetMapping("/changes")
    public Page<ChangeQueries.Change> changes(@RequestParam String since, @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadQueryException("since", since, "expected an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
        return changes.since(from, paging.of(page, size));
    }

    @GetMapping(value = "/openapi.yaml", produces = "application/yaml")
    public ResponseEntity<String> openApi() throws java.io.IOException {
        String yaml = new ClassPathResource("openapi/report-api.yaml").getContentAsString(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(yaml);
    }

    /** {@code 30d}, {@code 12h}, {@code 90m} or ISO-8601 {@code P30D}. */
    static Duration duration(String text) {
        try {
            if (text.matches("\\d+[dhm]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadQueryException("window", text, "expected a duration such as 30d, 12h or P30D");
        }
    }
}
