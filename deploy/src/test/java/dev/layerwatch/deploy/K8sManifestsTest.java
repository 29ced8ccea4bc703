package dev.layerwatch.deploy;

import static dev.layerwatch.deploy.Workloads.containers;
import static dev.layerwatch.deploy.Workloads.list;
import static dev.layerwatch.deploy.Workloads.map;
import static dev.layerwatch.deploy.Workloads.name;
import static dev.layerwatch.deploy.Workloads.podLabels;
import static dev.layerwatch.deploy.Workloads.podSpecs;
import static dev.layerwatch.deploy.Workloads.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerwatch.deploy.NetworkPolicies.Endpoint;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * k8s/ checked offline, on what `kubectl kustomize k8s/` renders: every object against the Kubernetes object model
 * (fabric8) and KEDA's ScaledObject schema with unknown fields rejected; Pod Security "restricted" for every
 * workload; the NetworkPolicy reachability table; the deployment defects issue #15 found (Redis unreachable,
 * Prometheus scraping a port that serves no metrics, PDBs that block drains, replicas fighting KEDA, a vulnerability
 * DB volume nobody fills, actuator on the public webhook port).
 */
class K8sManifestsTest {

    private static final Path K8S = Path.of("../k8s");
    private static final int MANAGEMENT = 8081;

    private static RenderedManifests rendered;
    private static List<Map<String, Object>> docs;

    @BeforeAll
    static void render() throws Exception {
        rendered = RenderedManifests.render(K8S);
        docs = rendered.documents;
        System.out.println("k8s/ rendered by " + rendered.renderer + ": " + docs.size() + " objects");
    }

    // --- schemas ---------------------------------------------------------------------------------------------

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", KedaScaledObject.class));

    @Test
    void everyObjectMatchesItsSchemaWithNoUnknownField() {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            Class<?> model = MODELS.get(doc.get("apiVersion") + "/" + doc.get("kind"));
            if (model == null) {
                problems.add(name(doc) + ": no schema for " + doc.get("apiVersion") + " " + doc.get("kind"));
                continue;
            }
            try {
                Object typed = strict.convertValue(doc, model);
                unknownFields(typed, name(doc), problems);
                // the typed object written back must say everything the YAML said (a field dropped = not in the schema)
                Map<?, ?> back = strict.convertValue(typed, Map.class);
                missing(doc, back, name(doc), problems);
            } catch (IllegalArgumentException e) {
                problems.add(name(doc) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            if ("ScaledObject".equals(doc.get("kind"))) {
                for (Map<String, Object> t : list(doc, "spec", "triggers")) {
                    map(t, "metadata").forEach((k, v) -> {
                        if (!(v instanceof String)) {
                            problems.add(name(doc) + ": trigger metadata " + k + " must be a string, is " + v);
                        }
                    });
                }
                if (value(doc, "spec", "scaleTargetRef", "name") == null || list(doc, "spec", "triggers").isEmpty()) {
                    problems.add(name(doc) + ": scaleTargetRef.name and triggers are required");
                }
            }
        }
        assertThat(problems).as("schema problems in k8s/ (rendered by %s)", rendered.renderer).isEmpty();
    }

    private static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object x : c) {
                unknownFields(x, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        Class<?> type = o.getClass();
        if (!type.getName().startsWith("io.fabric8") && !type.getName().startsWith("dev.layerwatch")) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = getter.getName();
            boolean accessor = type.isRecord() ? isRecordComponent(type, n) : n.startsWith("get") && n.length() > 3;
            if (!accessor) {
                continue;
            }
            try {
                Object v = getter.invoke(o);
                if (n.equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    unknownFields(v, path + "." + n.replaceFirst("^get", ""), problems);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean isRecordComponent(Class<?> type, String name) {
        for (var c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void missing(Object yaml, Object back, String path, List<String> problems) {
        if (yaml instanceof Map<?, ?> y) {
            if (!(back instanceof Map<?, ?> b)) {
                problems.add(path + ": not an object in the schema");
                return;
            }
            y.forEach((k, v) -> {
                if (!b.containsKey(k) && v != null) {
                    problems.add(path + "." + k + ": not in the schema");
                } else {
                    missing(v, b.get(k), path + "." + k, problems);
                }
            });
        } else if (yaml instanceof List<?> y && back instanceof List<?> b) {
            for (int i = 0; i < Math.min(y.size(), b.size()); i++) {
                missing(y.get(i), b.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    // --- Pod Security "restricted" -----------------------------------------------------------------------------

    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret", "name");

    @Test
    void everyWorkloadPassesPodSecurityRestrictedWithAReadOnlyRootAndLimits() {
        List<String> violations = new ArrayList<>();
        List<Map<String, Object>> workloads = docs.stream().filter(Workloads::isWorkload).toList();
        assertThat(workloads).extracting(Workloads::name).contains("Deployment/ingest-service", "Deployment/scan-service",
                "Deployment/notify-service", "CronJob/vulndb-updater", "Job/vulndb-initial");
        for (Map<String, Object> doc : workloads) {
            Map<String, Object> pod = podSpecs(doc).getFirst();
            Map<String, Object> psc = map(pod, "securityContext");
            String id = name(doc);
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (Boolean.TRUE.equals(pod.get(host))) {
                    violations.add(id + ": " + host);
                }
            }
            for (Map<String, Object> vol : list(pod, "volumes")) {
                for (String k : vol.keySet()) {
                    if (!RESTRICTED_VOLUMES.contains(k)) {
                        violations.add(id + ": volume type " + k);
                    }
                }
            }
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                violations.add(id + ": mounts a service account token (the services never call the API)");
            }
            for (Map<String, Object> c : containers(pod)) {
                String cid = id + "/" + c.get("name");
                Map<String, Object> sc = map(c, "securityContext");
                if (Boolean.TRUE.equals(value(sc, "privileged"))) {
                    violations.add(cid + ": privileged");
                }
                if (!Boolean.FALSE.equals(value(sc, "allowPrivilegeEscalation"))) {
                    violations.add(cid + ": allowPrivilegeEscalation is not false");
                }
                if (!Boolean.TRUE.equals(first(value(sc, "runAsNonRoot"), value(psc, "runAsNonRoot")))) {
                    violations.add(cid + ": runAsNonRoot is not true");
                }
                if (Integer.valueOf(0).equals(first(value(sc, "runAsUser"), value(psc, "runAsUser")))) {
                    violations.add(cid + ": runAsUser 0");
                }
                Object seccomp = first(value(sc, "seccompProfile", "type"), value(psc, "seccompProfile", "type"));
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    violations.add(cid + ": seccompProfile " + seccomp);
                }
                @SuppressWarnings("unchecked")
                List<String> drop = (List<String>) value(sc, "capabilities", "drop");
                if (drop == null || !drop.contains("ALL")) {
                    violations.add(cid + ": capabilities.drop lacks ALL");
                }
                @SuppressWarnings("unchecked")
                List<String> add = (List<String>) value(sc, "capabilities", "add");
                if (add != null && add.stream().anyMatch(a -> !a.equals("NET_BIND_SERVICE"))) {
                    violations.add(cid + ": adds capabilities " + add);
                }
                for (Map<String, Object> p : list(c, "ports")) {
                    if (p.containsKey("hostPort")) {
                        violations.add(cid + ": hostPort");
                    }
                }
                // beyond "restricted": what the README promises
                if (!Boolean.TRUE.equals(value(sc, "readOnlyRootFilesystem"))) {
                    violations.add(cid + ": readOnlyRootFilesystem is not true");
                }
                if (value(c, "resources", "limits", "memory") == null || value(c, "resources", "requests", "cpu") == null) {
                    violations.add(cid + ": no memory limit or cpu request");
                }
            }
        }
        assertThat(violations).as("Pod Security restricted").isEmpty();
        assertThat(value(only("Namespace", "layerwatch"), "metadata", "labels", "pod-security.kubernetes.io/enforce")).isEqualTo("restricted");
    }

    private static Object first(Object a, Object b) {
        return a != null ? a : b;
    }

    // --- the defects of issue #15 --------------------------------------------------------------------------------

    @Test
    void noDisruptionBudgetBlocksANodeDrain() {
        for (Map<String, Object> pdb : rendered.ofKind("PodDisruptionBudget")) {
            Map<String, Object> target = workloadSelectedBy(map(pdb, "spec", "selector"));
            int replicas = minimumReplicas(target);
            Object minAvailable = value(pdb, "spec", "minAvailable");
            Object maxUnavailable = value(pdb, "spec", "maxUnavailable");
            assertThat(minAvailable == null ? 0 : ((Number) minAvailable).intValue())
                    .as("%s: minAvailable must stay below the %d replica(s) of %s, else a drain never evicts", name(pdb), replicas, name(target))
                    .isLessThan(replicas);
            assertThat(maxUnavailable == null || ((Number) maxUnavailable).intValue() > 0)
                    .as("%s: maxUnavailable 0 blocks every drain", name(pdb)).isTrue();
        }
        assertThat(rendered.ofKind("PodDisruptionBudget")).hasSize(3);
    }

    @Test
    void aDeploymentScaledByKedaSetsNoReplicaCount() {
        List<Map<String, Object>> scaled = rendered.ofKind("ScaledObject");
        assertThat(scaled).isNotEmpty();
        for (Map<String, Object> so : scaled) {
            Map<String, Object> target = only("Deployment", (String) value(so, "spec", "scaleTargetRef", "name"));
            assertThat(value(target, "spec", "replicas")).as("%s is scaled by KEDA (%s): spec.replicas would fight it on every apply",
                    name(target), name(so)).isNull();
            assertThat(((Number) value(so, "spec", "maxReplicaCount")).intValue())
                    .as("more scan workers than partitions idle").isLessThanOrEqualTo(6);
        }
    }

    @Test
    void actuatorIsOnTheManagementPortOnlyAndPrometheusScrapesIt() {
        Map<String, Object> config = only("ConfigMap", "layerwatch-config");
        assertThat(value(config, "data", "MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(MANAGEMENT));
        assertThat((String) value(config, "data", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE")).contains("prometheus").contains("health");
        for (String svc : List.of("ingest-service", "scan-service", "notify-service")) {
            Map<String, Object> d = only("Deployment", svc);
            Map<String, Object> c = list(podSpecs(d).getFirst(), "containers").getFirst();
            assertThat(list(c, "envFrom")).anySatisfy(e -> assertThat(value(e, "configMapRef", "name")).isEqualTo("layerwatch-config"));
            Map<String, Integer> ports = namedPorts(d);
            assertThat(ports).as("%s container ports", svc).containsEntry("management", MANAGEMENT);
            assertThat(Workloads.podAnnotations(d)).containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(value(c, probe, "httpGet", "port")).as("%s %s", svc, probe).isIn("management", MANAGEMENT);
            }
        }
        for (Map<String, Object> pm : rendered.ofKind("PodMonitor")) {
            for (Map<String, Object> ep : list(pm, "spec", "podMetricsEndpoints")) {
                for (Map<String, Object> d : rendered.ofKind("Deployment")) {
                    if (NetworkPolicies.selects(map(pm, "spec", "selector"), podLabels(d))) {
                        assertThat(namedPorts(d)).as("%s scrapes port %s of %s", name(pm), ep.get("port"), name(d)).containsKey((String) ep.get("port"));
                        assertThat(namedPorts(d).get((String) ep.get("port"))).isEqualTo(MANAGEMENT);
                    }
                }
            }
        }
        // ingest's Service (the public one) exposes the webhook port, never the management port
        for (Map<String, Object> port : list(only("Service", "ingest-service"), "spec", "ports")) {
            assertThat(port.get("targetPort")).isIn("http", 8080);
        }
    }

    @Test
    void theVulnerabilityDatabaseVolumeIsFilledByAnUpdater() {
        Map<String, Object> scan = only("Deployment", "scan-service");
        Map<String, Object> pod = podSpecs(scan).getFirst();
        String dbDir = list(pod, "containers").getFirst().get("env") == null ? null
                : list(list(pod, "containers").getFirst(), "env").stream().filter(e -> "LAYERWATCH_VULNDB_DIR".equals(e.get("name")))
                        .map(e -> (String) e.get("value")).findFirst().orElse(null);
        assertThat(dbDir).as("scan-service names its vulnerability DB").isNotNull();
        String volumeName = list(list(pod, "containers").getFirst(), "volumeMounts").stream()
                .filter(m -> dbDir.equals(m.get("mountPath"))).map(m -> (String) m.get("name")).findFirst().orElseThrow();
        Map<String, Object> volume = list(pod, "volumes").stream().filter(v -> volumeName.equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(volume).as("an emptyDir would start empty in every pod and stay empty").doesNotContainKey("emptyDir");
        String claim = (String) value(volume, "persistentVolumeClaim", "claimName");
        assertThat(claim).isNotNull();
        assertThat(only("PersistentVolumeClaim", claim)).isNotNull();
        // the writers: a first fill and a schedule, each running `db update` on the same claim, mounted writable
        for (String kind : List.of("Job", "CronJob")) {
            assertThat(rendered.ofKind(kind)).as("a %s writes the DB", kind).anySatisfy(w -> {
                Map<String, Object> wpod = podSpecs(w).getFirst();
                String wvol = list(wpod, "volumes").stream().filter(v -> claim.equals(value(v, "persistentVolumeClaim", "claimName")))
                        .map(v -> (String) v.get("name")).findFirst().orElseThrow();
                Map<String, Object> c = list(wpod, "containers").getFirst();
                assertThat(String.join(" ", stringList(c.get("args")))).startsWith("db update --db ");
                assertThat(list(c, "volumeMounts")).anySatisfy(m -> {
                    assertThat(m.get("name")).isEqualTo(wvol);
                    assertThat(m.get("readOnly")).isNotEqualTo(true);
                    assertThat(stringList(c.get("args"))).contains((String) m.get("mountPath"));
                });
            });
        }
        // and no worker starts before a snapshot exists
        assertThat(list(pod, "initContainers")).anySatisfy(i -> assertThat(String.join(" ", stringList(i.get("args")))).isEqualTo("db info --db " + dbDir));
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    // --- reachability --------------------------------------------------------------------------------------------

    /** Who reaches what, as k8s/README.md documents it; every pair not listed must be denied. */
    private static final Set<String> ALLOWED = Set.of(
            "ingest-service -> kafka:9092/TCP", "ingest-service -> redis:6379/TCP", "ingest-service -> kube-dns:53/UDP", "ingest-service -> kube-dns:53/TCP",
            "scan-service -> kafka:9092/TCP", "scan-service -> redis:6379/TCP", "scan-service -> kube-dns:53/UDP", "scan-service -> kube-dns:53/TCP",
            "scan-service -> internet:443/TCP", "scan-service -> internet:80/TCP", "scan-service -> internet:5000/TCP",
            "notify-service -> kafka:9092/TCP", "notify-service -> redis:6379/TCP", "notify-service -> kube-dns:53/UDP", "notify-service -> kube-dns:53/TCP",
            "notify-service -> internet:443/TCP", "notify-service -> internet:80/TCP",
            "vulndb-updater -> kube-dns:53/UDP", "vulndb-updater -> kube-dns:53/TCP", "vulndb-updater -> internet:443/TCP",
            // the webhook port is public: registries are outside the cluster
            "internet -> ingest-service:8080/TCP", "prometheus -> ingest-service:8080/TCP", "other-pod -> ingest-service:8080/TCP",
            // management ports: the monitoring namespace only
            "prometheus -> ingest-service:8081/TCP", "prometheus -> scan-service:8081/TCP", "prometheus -> notify-service:8081/TCP");

    @Test
    void networkPoliciesAllowExactlyTheReachabilityTable() {
        NetworkPolicies policies = new NetworkPolicies(rendered.ofKind("NetworkPolicy"));
        Map<String, Endpoint> ours = new LinkedHashMap<>();
        for (Map<String, Object> w : docs.stream().filter(Workloads::isWorkload).toList()) {
            Map<String, String> labels = podLabels(w);
            ours.putIfAbsent(labels.get("app.kubernetes.io/name"),
                    new Endpoint(labels.get("app.kubernetes.io/name"), (String) value(w, "metadata", "namespace"), labels, namedPorts(w)));
        }
        assertThat(ours).containsKeys("ingest-service", "scan-service", "notify-service", "vulndb-updater");
        Endpoint redis = new Endpoint("redis", "layerwatch", Map.of("app.kubernetes.io/name", "redis"), Map.of());
        Endpoint kafka = new Endpoint("kafka", "kafka", Map.of("app.kubernetes.io/name", "kafka"), Map.of());
        Endpoint dns = new Endpoint("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
        Endpoint prometheus = new Endpoint("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
        Endpoint other = new Endpoint("other-pod", "default", Map.of("app", "other"), Map.of());
        Endpoint internet = Endpoint.outside("internet");

        List<Endpoint> sources = new ArrayList<>(ours.values());
        sources.addAll(List.of(prometheus, other, internet));
        Map<Endpoint, int[]> targets = new LinkedHashMap<>();
        targets.put(kafka, new int[] {9092});
        targets.put(redis, new int[] {6379});
        targets.put(dns, new int[] {53});
        targets.put(internet, new int[] {443, 80, 5000});
        for (Endpoint e : ours.values()) {
            targets.put(e, new int[] {8080, MANAGEMENT});
        }
        Set<String> allowed = new TreeSet<>();
        for (Endpoint from : sources) {
            for (Map.Entry<Endpoint, int[]> t : targets.entrySet()) {
                Endpoint to = t.getKey();
                boolean oursInvolved = "layerwatch".equals(from.namespace()) || "layerwatch".equals(to.namespace());
                if (from == to || !oursInvolved) {
                    continue;
                }
                for (int port : t.getValue()) {
                    for (String proto : port == 53 ? List.of("UDP", "TCP") : List.of("TCP")) {
                        if (policies.allows(from, to, port, proto)) {
                            allowed.add(from.name() + " -> " + to.name() + ":" + port + "/" + proto);
                        }
                    }
                }
            }
        }
        assertThat(allowed).as("connections the NetworkPolicies allow").containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Map<String, Object> only(String kind, String name) {
        List<Map<String, Object>> found = rendered.ofKind(kind).stream().filter(d -> name.equals(value(d, "metadata", "name"))).toList();
        assertThat(found).as("%s/%s in k8s/", kind, name).hasSize(1);
        return found.getFirst();
    }

    private static Map<String, Object> workloadSelectedBy(Map<String, Object> selector) {
        List<Map<String, Object>> found = docs.stream().filter(Workloads::isWorkload)
                .filter(w -> !"CronJob".equals(w.get("kind")) && !"Job".equals(w.get("kind")))
                .filter(w -> NetworkPolicies.selects(selector, podLabels(w))).toList();
        assertThat(found).as("workload selected by %s", selector).hasSize(1);
        return found.getFirst();
    }

    /** The fewest replicas a Deployment runs: KEDA's minReplicaCount when a ScaledObject owns it, else spec.replicas (default 1). */
    private static int minimumReplicas(Map<String, Object> deployment) {
        for (Map<String, Object> so : rendered.ofKind("ScaledObject")) {
            if (value(deployment, "metadata", "name").equals(value(so, "spec", "scaleTargetRef", "name"))) {
                Object min = value(so, "spec", "minReplicaCount");
                return min == null ? 0 : ((Number) min).intValue();
            }
        }
        Object replicas = value(deployment, "spec", "replicas");
        return replicas == null ? 1 : ((Number) replicas).intValue();
    }

    private static Map<String, Integer> namedPorts(Map<String, Object> workload) {
        Map<String, Integer> ports = new HashMap<>();
        for (Map<String, Object> c : list(podSpecs(workload).getFirst(), "containers")) {
            for (Map<String, Object> p : list(c, "ports")) {
                if (p.get("name") != null) {
                    ports.put((String) p.get("name"), ((Number) p.get("containerPort")).intValue());
                }
            }
        }
        return ports;
    }
}
