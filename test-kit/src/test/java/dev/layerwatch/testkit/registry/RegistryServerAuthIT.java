package dev.layerwatch.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryServerAuthIT {

    @RegisterExtension
    static RegistryServerExtension basicRegistry = RegistryServerExtension.builder().htpasswd("alice", "wonderland").build();

    @RegisterExtension
    static RegistryServerExtension tokenRegistry = RegistryServerExtension.builder()
            .tokenAuth(TokenAuth.user("bob", "builder").withAnonymousPull(true)).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void htpasswdRegistryChallengesWithBasicAndAcceptsTheUser() throws Exception {
        HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(basicRegistry.baseUri().resolve("/v2/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(ping.statusCode()).isEqualTo(401);
        assertThat(ping.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));

        PushedImage image = basicRegistry.pusher().push("secured/app", "1", ImageSpec.image().layer(Fixtures.dir("base")));
        assertThat(image.manifestDigest()).isNotNull();

        ImagePusher wrongPassword = new ImagePusher(basicRegistry.baseUri()).withCredentials("alice", "nope");
        assertThatThrownBy(() -> wrongPassword.push("secured/app", "2", ImageSpec.image().layer(Fixtures.dir("base"))))
                .hasMessageContaining("401");
    }

    @Test
    void tokenRegistryIssuesTokensThatTheRegistryAccepts() throws Exception {
        HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(tokenRegistry.baseUri().resolve("/v2/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(ping.statusCode()).isEqualTo(401);
        assertThat(ping.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer realm=\"" + tokenRegistry.tokenServer().realm()));

        PushedImage image = tokenRegistry.pusher().push("tok/app", "1", ImageSpec.image().layer(Fixtures.dir("base")));
        assertThat(tokenRegistry.tokenServer().tokensIssued()).isPositive();
        assertThat(tokenRegistry.tokenServer().requestedScopes()).contains("repository:tok/app:pull,push");

        ImagePusher anonymous = new ImagePusher(tokenRegistry.baseUri());
        assertThatThrownBy(() -> anonymous.push("tok/app", "2", ImageSpec.image().layer(Fixtures.dir("base"))))
                .hasMessageContaining("401");
        assertThat(image.layerDigests()).hasSize(1);
    }
}
