package dev.layerwatch.ingest.bench;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.ingest.http.ImagePushedTopic;
import dev.layerwatch.testkit.kafka.KafkaBroker;
import dev.layerwatch.ingest.publish.ImagePushedPublisher;
import dev.layerwatch.ingest.publish.IngestPublisherProperties;
import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.redis.RedisProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an embedded broker, Redis and ingest on loopback, then: (1) a bare Kafka producer with ingest's exact
 * producer settings sending the same records from the same number of synchronous senders; (2) wrk posting the
 * captured distribution notification; (3) the fault test: a bounded load while the broker is stopped and started,
 * comparing the webhooks answered 2xx with the events in the topic. Prints a summary.
 *
 * <p>Arguments: {@code <payload file> <wrk lua script> <seconds> <connections> [no-fault-test]}.
 */
public final class IngestBenchmark {

    private static final String TOKEN = "bench-token";

    public static void main(String[] args) throws Exception {
        Path payload = Path.of(args[0]);
        Path lua = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        int port = FreePorts.next();
        try (KafkaBroker kafka = new KafkaBroker(1).start(); RedisProcess redis = new RedisProcess(0).start()) {
            kafka.createTopics(Topics.IMAGE_PUSHED);
            ConfigurableApplicationContext app = new SpringApplicationBuilder(IngestApplication.class).properties(Map.of(
                    "server.port", port, "server.address", "127.0.0.1",
                    "spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers(),
                    "spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", redis.port(),
                    "layerwatch.ingest.distribution.token", TOKEN,
                    "layerwatch.registries[0].host", "127.0.0.1:5000",
                    "logging.level.root", "WARN", "logging.level.dev.layerwatch", "WARN")).run();
            try {
                IngestPublisherProperties producerSettings = app.getBean(IngestPublisherProperties.class);
                Duration cpu0 = cpu();
                Result bare = bareProducer(kafka.bootstrapServers(), producerSettings, seconds, connections);
                Duration cpu1 = cpu();
                Result warm = wrk(port, payload, lua, Math.max(3, seconds / 3), connections);
                Duration cpu2 = cpu();
                Result webhook = wrk(port, payload, lua, seconds, connections);
                Duration cpu3 = cpu();
                System.out.printf("%nwarm-up wrk run: %s%n", warm);
                System.out.printf("bare producer (%d sync senders, acks=all, idempotent): %s%n", connections, bare);
                System.out.printf("ingest via wrk (%d connections):                        %s%n", connections, webhook);
                System.out.printf("ratio ingest/bare throughput: %.2f%n", webhook.perSecond() / bare.perSecond());
                System.out.printf("JVM CPU (service + broker, wrk excluded) per record: bare %.3f ms, ingest %.3f ms%n%n",
                        cpu1.minus(cpu0).toNanos() / 1e6 / Math.max(1, bare.count()), cpu3.minus(cpu2).toNanos() / 1e6 / Math.max(1, webhook.count()));
                if (args.length < 5 || !args[4].equals("no-fault-test")) {
                    faultTest(kafka, port, payload, connections);
                }
            } finally {
                app.close();
            }
        }
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    record Result(double perSecond, double p50Ms, double p99Ms, long count, long errors) {
        @Override
        public String toString() {
            return String.format("%.0f/s, p50 %.2f ms, p99 %.2f ms (%d done, %d errors)", perSecond, p50Ms, p99Ms, count, errors);
        }
    }

    private static Result bareProducer(String bootstrap, IngestPublisherProperties settings, int seconds, int senders) throws Exception {
        IngestPublisherProperties same = new IngestPublisherProperties(bootstrap, settings.timeout(), settings.retryAfter(), settings.producer());
        List<Long> latencies = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ImagePushedPublisher.producerConfig(same),
                new StringSerializer(), new ByteArraySerializer())) {
            ImageReference image = ImageReference.parse("127.0.0.1:5000/debian-base:bookworm@sha256:4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5");
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(senders)) {
                for (int t = 0; t < senders; t++) {
                    pool.submit(() -> {
                        List<Long> mine = new ArrayList<>();
                        while (System.nanoTime() < end) {
                            ImagePushed event = ImagePushed.create("distribution", UUID.randomUUID().toString(), image,
                                    "application/vnd.oci.image.manifest.v1+json", Instant.now());
                            long sent = System.nanoTime();
                            try {
                                producer.send(new ProducerRecord<>(Topics.IMAGE_PUSHED, event.key(), EventJson.write(event))).get();
                                mine.add(System.nanoTime() - sent);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                        latencies.addAll(mine);
                    });
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(sorted.length / elapsed, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted.length, errors.get());
        }
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static Result wrk(int port, Path payload, Path lua, int seconds, int connections) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + seconds + "s", "--latency", "-s", lua.toString(),
                "http://127.0.0.1:" + port + "/webhooks/distribution", "--", payload.toString(), TOKEN)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println(output);
        double rate = number(output, "Requests/sec:\\s+([0-9.]+)");
        double p50 = millis(output, "50%\\s+([0-9.]+)(us|ms|s)");
        double p99 = millis(output, "99%\\s+([0-9.]+)(us|ms|s)");
        long total = (long) number(output, "([0-9]+) requests in");
        long non2xx = output.contains("Non-2xx") ? (long) number(output, "Non-2xx or 3xx responses:\\s+([0-9]+)") : 0;
        return new Result(rate, p50, p99, total, non2xx);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double millis(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /**
     * A bounded load (a fixed number of deliveries from {@code connections} concurrent senders) during which the
     * broker is stopped and started again. Every delivery answered 2xx must be in the topic afterwards.
     */
    private static void faultTest(KafkaBroker kafka, int port, Path payload, int connections) throws Exception {
        String template = Files.readString(payload);
        int deliveries = 3000;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Set<String> answered2xx = ConcurrentHashMap.newKeySet();
        AtomicInteger answered503 = new AtomicInteger();
        AtomicInteger otherFailures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Thread restarter = Thread.ofPlatform().start(() -> {
            try {
                while (next.get() < deliveries / 4) {
                    Thread.sleep(10);
                }
                kafka.stopBroker();
                System.out.printf("fault test: broker stopped after %d deliveries%n", next.get());
                Thread.sleep(4000);
                kafka.startBroker();
                System.out.printf("fault test: broker started again after %d deliveries%n", next.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < deliveries) {
                        String id = "fault-" + run + "-" + i;
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/distribution"))
                                .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20))
                                .POST(HttpRequest.BodyPublishers.ofString(template.replace("955868b8-5334-4f56-88f0-3d989f488951", id))).build();
                        try {
                            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status / 100 == 2) {
                                answered2xx.add(id);
                            } else if (status == 503) {
                                answered503.incrementAndGet();
                            } else {
                                otherFailures.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            otherFailures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        restarter.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<String> stored = ImagePushedTopic.readNow(kafka.bootstrapServers()).stream()
                .map(s -> s.event().sourceEventId()).filter(id -> id.startsWith("fault-" + run)).toList();
        Set<String> storedSet = new HashSet<>(stored);
        Set<String> lost = new HashSet<>(answered2xx);
        lost.removeAll(storedSet);
        System.out.printf("fault test: %d deliveries in %.1f s: %d answered 2xx, %d answered 503, %d other failures%n",
                deliveries, elapsed, answered2xx.size(), answered503.get(), otherFailures.get());
        System.out.printf("fault test: %d events of this run in the topic (%d distinct); 2xx answered but not in the topic: %d%s%n",
                stored.size(), storedSet.size(), lost.size(), lost.isEmpty() ? "" : " " + Arrays.toString(lost.stream().limit(10).toArray()));
        System.out.printf("fault test: stored without a 2xx (timed out or 503 after the broker took it; the sender retries, downstream dedupes): %d%n",
                storedSet.size() - (answered2xx.size() - lost.size()));
    }
}
