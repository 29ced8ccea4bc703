package dev.layerwatch.ingest.http;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.ingest.http.WebhookHttp.Answer;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The probe's slow-body case (issue #11): 250 anonymous connections trickling their bodies at 0.5 B/s while real
 * pushes arrive. On virtual threads with a body-read deadline every real webhook is answered within 1 s, and the
 * slow ones are cut off with 408 once the deadline passes.
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "layerwatch.ingest.distribution.token=dist-token",
        "layerwatch.registries[0].host=127.0.0.1:5000",
        "layerwatch.ingest.webhook.body-read-timeout=3s",
        "layerwatch.ingest.publisher.timeout=5s"})
class SlowBodyIT {

    static final int SLOW = 250;
    static final int REAL = 10;

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.dedicated();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", redis::port);
    }

    @LocalServerPort
    int port;

    @Test
    void realWebhooksStayFastWhile250ConnectionsTrickleTheirBodies() throws Exception {
        kafka.createTopics(Topics.IMAGE_PUSHED);
        WebhookHttp http = new WebhookHttp(port);
        // warm up first (producer metadata, Redis connection, the client's connection): their cost is not the point
        assertThat(push(http, "warm-up").status()).isEqualTo(202);
        List<Socket> slow = new ArrayList<>();
        AtomicBoolean trickling = new AtomicBoolean(true);
        try {
            byte[] head = ("POST /webhooks/distribution HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/vnd.docker.distribution.events.v1+json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < SLOW; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write(head);
                slow.add(socket);
            }
            Thread trickle = Thread.ofVirtual().start(() -> {
                while (trickling.get()) {
                    for (Socket socket : slow) {
                        try {
                            socket.getOutputStream().write(' ');
                        } catch (IOException e) {
                            // cut off by the server: that is the point
                        }
                    }
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(1000);

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < REAL; i++) {
                long start = System.nanoTime();
                Answer answer = push(http, "slow-" + i);
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                Thread.sleep(200);
            }
            System.out.println("real webhook latencies during " + SLOW + " slow bodies (ms): " + millis);
            // the goal is 1 s (bench/faults.d/slow-bodies.sh measures it); this shared CI machine gets 2 s of slack
            // for one outlier. On 200 platform threads and no body deadline every one of them timed out.
            assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(2000));
            assertThat(millis.stream().sorted().toList().get(REAL / 2)).as("median").isLessThan(500);

            // the slow connections are cut off at the body-read deadline (3 s) plus one trickle interval
            String answer = readAnswer(slow.getFirst(), Duration.ofSeconds(15));
            assertThat(answer).startsWith("HTTP/1.1 408");
            trickle.interrupt();
        } finally {
            trickling.set(false);
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static Answer push(WebhookHttp http, String tag) {
        byte[] body = new String(bytes("distribution/manifest-push-oci.json"), StandardCharsets.UTF_8)
                .replace("955868b8-5334-4f56-88f0-3d989f488951", UUID.randomUUID().toString())
                .replace("\"bookworm\"", "\"" + tag + "\"").getBytes(StandardCharsets.UTF_8);
        return http.post("/webhooks/distribution", body, "Content-Type",
                "application/vnd.docker.distribution.events.v2+json", "Authorization", "Bearer dist-token");
    }

    private static String readAnswer(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        byte[] status = in.readNBytes(12);
        return new String(status, StandardCharsets.US_ASCII);
    }
}
