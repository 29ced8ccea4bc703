package dev.layerwatch.report.api;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.report.query.BadQueryException;
import dev.layerwatch.report.query.ImageQueries;
import dev.layerwatch.report.query.Page;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Images: list, one image's report, a tag's history, and (admin) forgetting an image. */
@RestController
@RequestMapping("/api/v1/images")
public class ImagesController {

    private final ImageQueries images;
    private final Paging paging;

    public ImagesController(ImageQueries images, Paging paging) {
        this.images = images;
        this.paging = paging;
    }

    @GetMapping
    public Page<ImageQueries.ImageSummary> list(@RequestParam(required = false) String repository,
                                                @RequestParam(required = false) String tag,
                                                @RequestParam(required = false) String severity,
                                                @RequestParam(defaultValue = "false") boolean fixable,
                                                @RequestParam(required = false) String os,
                                                @RequestParam(required = false) Boolean eol,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        Severity min = null;
        if (severity != null) {
            try {
                min = Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                throw new BadQueryException("severity", severity, "expected one of UNKNOWN, NEGLIGIBLE, LOW, MEDIUM, HIGH, CRITICAL");
            }
        }
        return images.list(new ImageQueries.Filter(repository, tag, min, fixable, os, eol), paging.of(page, size));
    }

    @GetMapping("/report")
    public ImageQueries.ImageReport report(@RequestParam String ref, @RequestParam(required = false) String platform,
                                           @RequestParam(defaultValue = "false") boolean packages) {
        return images.report(ref, platform, packages);
    }

    @GetMapping("/history")
    public Page<ImageQueries.Scan> history(@RequestParam String ref, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return images.history(ref, paging.of(page, size));
    }

    @DeleteMapping("/{digest}")
    public Map<String, Object> forget(@PathVariable String digest) {
        return Map.of("deleted", images.forget(digest), "digest", digest);
    }
}
