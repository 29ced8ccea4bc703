package dev.layerwatch.deploy;

import static dev.layerwatch.deploy.Workloads.list;
import static dev.layerwatch.deploy.Workloads.map;
import static dev.layerwatch.deploy.Workloads.value;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes NetworkPolicy semantics (networking.k8s.io/v1) over rendered policies: a connection is allowed when
 * the source's egress and the destination's ingress both allow it; a pod no policy of a direction selects is open in
 * that direction. Peers: podSelector (the policy's namespace), namespaceSelector (namespaces by label, with
 * {@code kubernetes.io/metadata.name}), both (pods in those namespaces), ipBlock (taken here to match only endpoints
 * outside the cluster). Ports by number or by the destination's named container port; protocol defaults to TCP.
 */
final class NetworkPolicies {

    /** A pod (namespace non-null) or an endpoint outside the cluster (namespace null). */
    record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
        static Endpoint outside(String name) {
            return new Endpoint(name, null, Map.of(), Map.of());
        }

        boolean inCluster() {
            return namespace != null;
        }
    }

    private final List<Map<String, Object>> policies;

    NetworkPolicies(List<Map<String, Object>> policies) {
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return direction(from, "Egress", "egress", "to", to, to, port, protocol)
                && direction(to, "Ingress", "ingress", "from", from, to, port, protocol);
    }

    private boolean direction(Endpoint subject, String type, String rulesKey, String peersKey, Endpoint peer, Endpoint destination,
                              int port, String protocol) {
        if (!subject.inCluster()) {
            return true;
        }
        List<Map<String, Object>> selecting = policies.stream()
                .filter(p -> subject.namespace().equals(value(p, "metadata", "namespace")))
                .filter(p -> types(p).contains(type))
                .filter(p -> selects(map(p, "spec", "podSelector"), subject.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            String policyNs = (String) value(policy, "metadata", "namespace");
            for (Map<String, Object> rule : list(policy, "spec", rulesKey)) {
                if (peersMatch(list(rule, peersKey), policyNs, peer) && portsMatch(list(rule, "ports"), destination, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> policy) {
        List<String> types = (List<String>) value(policy, "spec", "policyTypes");
        if (types != null) {
            return types;
        }
        return value(policy, "spec", "egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean peersMatch(List<Map<String, Object>> peers, String policyNs, Endpoint peer) {
        if (peers.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : peers) {
            if (p.containsKey("ipBlock")) {
                if (!peer.inCluster() && "0.0.0.0/0".equals(value(p, "ipBlock", "cidr"))) {
                    return true;
                }
                continue;
            }
            if (!peer.inCluster()) {
                continue;
            }
            Map<String, Object> nsSel = map(p, "namespaceSelector");
            Map<String, Object> podSel = map(p, "podSelector");
            boolean nsOk = nsSel != null
                    ? selects(nsSel, Map.of("kubernetes.io/metadata.name", peer.namespace()))
                    : peer.namespace().equals(policyNs);
            boolean podOk = podSel == null || selects(podSel, peer.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<Map<String, Object>> ports, Endpoint destination, int port, String protocol) {
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : ports) {
            String proto = Objects.toString(p.get("protocol"), "TCP");
            Object spec = p.get("port");
            Integer number = spec == null ? null : spec instanceof Number n ? Integer.valueOf(n.intValue()) : destination.namedPorts().get(spec.toString());
            if (proto.equals(protocol) && (spec == null || Objects.equals(number, port))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, Object> matchLabels = map(selector, "matchLabels");
        if (matchLabels != null) {
            for (Map.Entry<String, Object> e : matchLabels.entrySet()) {
                if (!Objects.equals(labels.get(e.getKey()), String.valueOf(e.getValue()))) {
                    return false;
                }
            }
        }
        for (Map<String, Object> expr : list(selector, "matchExpressions")) {
            String key = (String) expr.get("key");
            List<String> values = (List<String>) expr.getOrDefault("values", List.of());
            boolean ok = switch ((String) expr.get("operator")) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException("unknown selector operator " + expr.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
