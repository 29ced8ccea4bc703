package dev.layerwatch.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Navigation in raw (map) Kubernetes objects: pod templates of Deployments, Jobs, CronJobs, Pods. */
@SuppressWarnings("unchecked")
final class Workloads {

    private Workloads() {
    }

    static Map<String, Object> map(Object o, String... path) {
        Object cur = o;
        for (String key : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(key);
        }
        return (Map<String, Object>) cur;
    }

    static Object value(Object o, String... path) {
        Object cur = o;
        for (String key : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(key);
        }
        return cur;
    }

    static List<Map<String, Object>> list(Object o, String... path) {
        Object v = value(o, path);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    static String name(Map<String, Object> doc) {
        return doc.get("kind") + "/" + value(doc, "metadata", "name");
    }

    /** The pod template (or pod) spec of a workload; empty for other kinds. */
    static List<Map<String, Object>> podSpecs(Map<String, Object> doc) {
        Map<String, Object> spec = switch (String.valueOf(doc.get("kind"))) {
            case "Pod" -> map(doc, "spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> map(doc, "spec", "template", "spec");
            case "CronJob" -> map(doc, "spec", "jobTemplate", "spec", "template", "spec");
            default -> null;
        };
        return spec == null ? List.of() : List.of(spec);
    }

    static Map<String, String> podLabels(Map<String, Object> doc) {
        Map<String, Object> labels = switch (String.valueOf(doc.get("kind"))) {
            case "Pod" -> map(doc, "metadata", "labels");
            case "CronJob" -> map(doc, "spec", "jobTemplate", "spec", "template", "metadata", "labels");
            default -> map(doc, "spec", "template", "metadata", "labels");
        };
        return labels == null ? Map.of() : (Map<String, String>) (Map<?, ?>) labels;
    }

    static Map<String, Object> podAnnotations(Map<String, Object> doc) {
        Map<String, Object> a = map(doc, "spec", "template", "metadata", "annotations");
        return a == null ? Map.of() : a;
    }

    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> all = new ArrayList<>(list(podSpec, "initContainers"));
        all.addAll(list(podSpec, "containers"));
        return all;
    }

    static boolean isWorkload(Map<String, Object> doc) {
        return !podSpecs(doc).isEmpty();
    }
}
