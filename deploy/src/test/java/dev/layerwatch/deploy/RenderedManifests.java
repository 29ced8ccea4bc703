package dev.layerwatch.deploy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code k8s/} as the cluster would receive it: {@code kubectl kustomize k8s/} when kubectl is on the PATH, else a
 * small Java rendering of the kustomize features k8s/kustomization.yaml uses (namespace, resources, images) — the
 * test says which one ran.
 */
final class RenderedManifests {

    static final YAMLMapper YAML = new YAMLMapper();

    final List<Map<String, Object>> documents;
    final String renderer;

    private RenderedManifests(List<Map<String, Object>> documents, String renderer) {
        this.documents = documents;
        this.renderer = renderer;
    }

    static RenderedManifests render(Path k8s) throws IOException, InterruptedException {
        String kubectl = onPath("kubectl");
        if (kubectl != null && !"java".equals(System.getenv("LAYERWATCH_KUSTOMIZE"))) {
            Process p = new ProcessBuilder(kubectl, "kustomize", k8s.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + k8s + " failed: " + err);
            }
            return new RenderedManifests(parse(new String(out, StandardCharsets.UTF_8)), "kubectl kustomize");
        }
        return new RenderedManifests(javaKustomize(k8s), "java (kubectl absent, or LAYERWATCH_KUSTOMIZE=java)");
    }

    static List<Map<String, Object>> parse(String yaml) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        // a document of comments only is null: skipped, as kubectl does
        try (MappingIterator<Object> it = YAML.readerFor(Object.class).readValues(yaml)) {
            while (it.hasNext()) {
                if (it.next() instanceof Map<?, ?> doc && !doc.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) doc;
                    docs.add(typed);
                }
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> javaKustomize(Path k8s) throws IOException {
        Map<String, Object> kustomization = parse(Files.readString(k8s.resolve("kustomization.yaml"))).getFirst();
        String namespace = (String) kustomization.get("namespace");
        Map<String, String> images = new LinkedHashMap<>();
        for (Map<String, Object> image : (List<Map<String, Object>>) kustomization.getOrDefault("images", List.of())) {
            String name = (String) image.get("name");
            images.put(name, Objects.toString(image.getOrDefault("newName", name)) + (image.containsKey("newTag") ? ":" + image.get("newTag") : ""));
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String resource : (List<String>) kustomization.get("resources")) {
            for (Map<String, Object> doc : parse(Files.readString(k8s.resolve(resource)))) {
                Map<String, Object> meta = (Map<String, Object>) doc.get("metadata");
                if (namespace != null && !"Namespace".equals(doc.get("kind"))) {
                    meta.put("namespace", namespace);
                }
                for (Map<String, Object> pod : Workloads.podSpecs(doc)) {
                    for (Map<String, Object> c : Workloads.containers(pod)) {
                        String mapped = images.get((String) c.get("image"));
                        if (mapped != null) {
                            c.put("image", mapped);
                        }
                    }
                }
                docs.add(doc);
            }
        }
        return docs;
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }
}
