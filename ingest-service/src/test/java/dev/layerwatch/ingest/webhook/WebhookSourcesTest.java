package dev.layerwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.ingest.auth.IngestAuthProperties;
import dev.layerwatch.ingest.auth.IngestAuthProperties.SourceCredentials;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookSourcesTest {

    @Test
    void everyFlavourHasACredentialPropertyAndNoOtherPropertyExists() {
        assertThat(Arrays.stream(IngestAuthProperties.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(WebhookSources.ALL.stream().map(WebhookSource::name).toList());
    }

    @Test
    void credentialsAreLookedUpByTheFlavourName() {
        SourceCredentials token = new SourceCredentials("s3cret", null);
        for (WebhookSource source : WebhookSources.ALL) {
            SourceCredentials[] values = new SourceCredentials[9];
            int index = WebhookSources.ALL.indexOf(source);
            values[index] = token;
            IngestAuthProperties properties = new IngestAuthProperties(values[0], values[1], values[2], values[3], values[4],
                    values[5], values[6], values[7], values[8]);
            assertThat(properties.forSource(source.name())).as(source.name()).isSameAs(token);
        }
    }

    @Test
    void contentTypesCompareWithoutParameters() {
        WebhookSource distribution = WebhookSources.byName("distribution").orElseThrow();

        assertThat(distribution.accepts("application/vnd.docker.distribution.events.v1+json")).isTrue();
        assertThat(distribution.accepts("application/vnd.docker.distribution.events.v2+json; charset=utf-8")).isTrue();
        assertThat(distribution.accepts("Application/JSON")).isTrue();
        assertThat(distribution.accepts("text/plain")).isFalse();
        assertThat(distribution.accepts(null)).isFalse();
        assertThat(WebhookSources.byName("harbor").orElseThrow().accepts("application/cloudevents+json")).isTrue();
        assertThat(WebhookSources.byName("nope")).isEmpty();
    }
}
