package dev.layerwatch.report.api;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.report.query.BadQueryException;
import dev.layerwatch.report.query.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API error is {@code {"error": "...", "status": N}} (and {@code "parameter"} for a 400 naming one). */
@RestControllerAdvice(assignableTypes = {ImagesController.class, QueriesController.class})
public class ApiErrors {

    static String json(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        return EventJson.writeString(body);
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<Map<String, Object>> badQuery(BadQueryException e) {
        return error(400, e.getMessage(), e.parameter());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(404, e.getMessage(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(400, "invalid " + e.getName() + " '" + e.getValue() + "'", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return error(400, "missing parameter " + e.getParameterName(), e.getParameterName());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return error(404, "no such API path " + e.getResourcePath(), null);
    }
}
