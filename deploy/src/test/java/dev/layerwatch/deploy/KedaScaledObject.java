package dev.layerwatch.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * KEDA's {@code keda.sh/v1alpha1 ScaledObject}, transcribed from the openAPIV3Schema of KEDA 2.x's CRD
 * (keda.sh_scaledobjects.yaml): read with unknown properties failing, so a misspelt or misplaced field is an error.
 * Required per the CRD: {@code spec.scaleTargetRef.name}, {@code spec.triggers[].type} and {@code .metadata}
 * (a map of strings).
 */
record KedaScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(ScaleTargetRef scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod, Integer initialCooldownPeriod,
                Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount, Fallback fallback,
                Map<String, Object> advanced, List<Trigger> triggers) {
    }

    record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Fallback(Integer failureThreshold, Integer replicas, String behavior) {
    }

    record Trigger(String type, String name, Map<String, String> metadata, AuthenticationRef authenticationRef,
                   Boolean useCachedMetrics, String metricType) {
    }

    record AuthenticationRef(String name, String kind) {
    }
}
