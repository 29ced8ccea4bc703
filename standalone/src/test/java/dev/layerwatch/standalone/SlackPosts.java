package dev.layerwatch.standalone;

import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.slack.FakeSlackApi;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waiting for the message a scan should produce on the fake Slack. */
final class SlackPosts {

    private SlackPosts() {
    }

    /** The first request matching {@code filter}, or an AssertionError naming what did arrive. */
    static FakeHttpServer.Request await(FakeSlackApi slack, Predicate<FakeHttpServer.Request> filter, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeHttpServer.Request> matching = slack.server().requests(filter);
            if (!matching.isEmpty()) {
                return matching.getFirst();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching Slack request within " + timeout + "; received " + slack.server().requests());
    }
}
