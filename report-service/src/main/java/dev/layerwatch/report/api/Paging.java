package dev.layerwatch.report.api;

import dev.layerwatch.report.config.ReportProperties;
import dev.layerwatch.report.query.PageRequest;
import org.springframework.stereotype.Component;

/** Page parameters with the size capped at {@code layerwatch.report.max-page-size}. */
@Component
public class Paging {

    private final ReportProperties properties;

    public Paging(ReportProperties properties) {
        this.properties = properties;
    }

    PageRequest of(Integer page, Integer size) {
        int requested = size == null ? properties.defaultPageSize() : size;
        return new PageRequest(page == null ? 0 : page, requested < 1 ? requested : Math.min(requested, properties.maxPageSize()));
    }
}
