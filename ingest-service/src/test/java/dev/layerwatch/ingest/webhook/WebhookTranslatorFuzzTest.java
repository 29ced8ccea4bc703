package dev.layerwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded fuzzing of every translator with random bytes, byte-flipped real payloads and structurally mutated real
 * payloads (values swapped for other types, fields removed, digests and tags garbled). The only exception allowed
 * to escape a translator is {@link InvalidWebhookException} (a 400); every event produced must be valid.
 */
class WebhookTranslatorFuzzTest {

    private static final long SEED = 20261122L;
    private static final int ITERATIONS_PER_PAYLOAD = 300;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Map<String, List<String>> PAYLOADS = Map.of(
            "distribution", List.of("distribution/manifest-push-oci.json", "distribution/index-push.json",
                    "distribution/doc-notification-two-events.json", "distribution/delete-by-tag.json"),
            "harbor", List.of("harbor/push-artifact.json", "harbor/push-artifact-cloudevents.json"),
            "dockerhub", List.of("dockerhub/push.json"),
            "quay", List.of("quay/repo-push.json", "quay/repo-push-legacy-map.json"),
            "github", List.of("github/registry-package-published-tagged.json", "github/package-published.json"),
            "artifactory", List.of("artifactory/docker-pushed.json"),
            "acr", List.of("acr/push.json"),
            "ecr", List.of("ecr/image-push.json"),
            "gar", List.of("gar/pubsub-push.json", "gar/pubsub-data-decoded.json"));

    private final Random random = new Random(SEED);
    private int translated;
    private int rejected;

    @Test
    void translatorsOnlyEverRejectWithANamedField() {
        assertThat(PAYLOADS.keySet()).containsExactlyInAnyOrderElementsOf(WebhookSources.ALL.stream().map(WebhookSource::name).toList());
        for (WebhookSource source : WebhookSources.ALL) {
            for (String path : PAYLOADS.get(source.name())) {
                byte[] original = WebhookPayloads.bytes(path);
                for (int i = 0; i < ITERATIONS_PER_PAYLOAD; i++) {
                    byte[] mutated = switch (i % 3) {
                        case 0 -> structural(original);
                        case 1 -> flipBytes(original);
                        default -> randomBytes();
                    };
                    run(source, mutated, path, i);
                }
            }
        }
        // the mutations must reach the translators' interesting paths, not only the JSON parser
        assertThat(translated).isGreaterThan(500);
        assertThat(rejected).isGreaterThan(50);
    }

    private void run(WebhookSource source, byte[] body, String path, int iteration) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            return; // the intake answers 400 before any translator runs
        }
        if (json == null || !json.isObject()) {
            return;
        }
        String event = random.nextBoolean() ? "registry_package" : "package";
        WebhookDelivery delivery = new WebhookDelivery(source.name(), json, body,
                Map.of("x-github-event", event, "x-github-delivery", "fuzz-" + iteration), WebhookPayloads.RECEIVED_AT);
        try {
            Translation translation = source.translator().translate(delivery);
            translated++;
            for (ImagePushed pushed : translation.pushes()) {
                assertThat(pushed.image()).isNotNull();
                assertThat(pushed.sourceEventId()).isNotBlank();
            }
        } catch (InvalidWebhookException e) {
            rejected++;
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail("%s translator threw %s on mutation %d of %s: %s", source.name(), e, iteration, path,
                    new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private byte[] structural(byte[] original) {
        JsonNode root = EventJson.mapper().readTree(original);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>(object.propertyNames());
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(4) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, replacement(object.get(name)));
                }
            } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                int index = random.nextInt(array.size());
                array.set(index, replacement(array.get(index)));
            }
        }
        return EventJson.mapper().writeValueAsBytes(root);
    }

    private JsonNode replacement(JsonNode current) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.stringNode("");
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.objectNode();
            case 5 -> NODES.arrayNode().add(NODES.objectNode());
            case 6 -> NODES.stringNode("sha256:" + "a".repeat(random.nextInt(70)));
            case 7 -> NODES.stringNode(randomText());
            case 8 -> NODES.stringNode("push");
            case 9 -> NODES.stringNode(current != null && current.isString() ? current.stringValue() + randomText() : "INSERT");
            case 10 -> NODES.stringNode(java.util.Base64.getEncoder().encodeToString(randomText().getBytes(StandardCharsets.UTF_8)));
            default -> NODES.stringNode("h.example/" + randomText() + ":" + randomText());
        };
    }

    private String randomText() {
        String alphabet = "aZ09:/@._-\u00e9 \"\\{}[]sha256";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (JsonNode child : node) {
                collect(child, containers);
            }
        }
    }

    private byte[] flipBytes(byte[] original) {
        byte[] copy = original.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = '{';
        }
        return bytes;
    }
}
