package dev.layerwatch.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The hand-written OpenAPI document names every path and method the controllers serve, and no other. */
class OpenApiDocumentTest {

    @Test
    void everyEndpointIsDocumented() throws Exception {
        String yaml = new ClassPathResource("openapi/report-api.yaml").getContentAsString(StandardCharsets.UTF_8);
        List<String> served = new ArrayList<>();
        for (Class<?> controller : List.of(ImagesController.class, QueriesController.class)) {
            String base = controller.getAnnotation(RequestMapping.class).value()[0];
            for (Method m : controller.getDeclaredMethods()) {
                GetMapping get = m.getAnnotation(GetMapping.class);
                DeleteMapping delete = m.getAnnotation(DeleteMapping.class);
                if (get != null) {
                    served.add(base + (get.value().length == 0 ? "" : get.value()[0]) + " get");
                }
                if (delete != null) {
                    served.add(base + delete.value()[0] + " delete");
                }
            }
        }
        List<String> documented = new ArrayList<>();
        String path = null;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  /api/")) {
                path = line.trim().replace(":", "");
            } else if (path != null && line.matches("    (get|delete|post|put|patch):")) {
                documented.add(path + " " + line.trim().replace(":", ""));
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }
}
