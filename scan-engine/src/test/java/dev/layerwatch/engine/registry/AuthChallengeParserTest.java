package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeParserTest {

    @Test
    void dockerHubBearerChallenge() {
        List<AuthChallenge> challenges = AuthChallengeParser.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\"");
        assertThat(challenges).singleElement().satisfies(c -> {
            assertThat(c.isBearer()).isTrue();
            assertThat(c.realm()).isEqualTo("https://auth.docker.io/token");
            assertThat(c.service()).isEqualTo("registry.docker.io");
            assertThat(c.scope()).isEqualTo("repository:library/alpine:pull");
        });
    }

    @Test
    void distributionInsufficientScopeWithErrorAndCommaInsideQuotes() {
        AuthChallenge c = AuthChallengeParser.parse("Bearer realm=\"http://127.0.0.1:1/token\",service=\"svc\","
                + "scope=\"repository:a/b:pull,push\",error=\"insufficient_scope\"").get(0);
        assertThat(c.scope()).isEqualTo("repository:a/b:pull,push");
        assertThat(c.error()).isEqualTo("insufficient_scope");
    }

    @Test
    void schemeIsCaseInsensitiveAndParamNamesAreLowerCased() {
        AuthChallenge c = AuthChallengeParser.parse("BEARER Realm=\"r\", SERVICE=\"s\"").get(0);
        assertThat(c.isBearer()).isTrue();
        assertThat(c.params()).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "r", "service", "s"));
    }

    @Test
    void whitespaceAroundEqualsUnquotedTokensAndEscapes() {
        AuthChallenge c = AuthChallengeParser.parse("Bearer realm = \"a \\\"quoted\\\" realm\" , service=registry.example.com").get(0);
        assertThat(c.realm()).isEqualTo("a \"quoted\" realm");
        assertThat(c.service()).isEqualTo("registry.example.com");
    }

    @Test
    void repeatedScopesAreJoinedWithSpaces() {
        AuthChallenge c = AuthChallengeParser.parse("Bearer realm=\"r\",scope=\"repository:a:pull\",scope=\"repository:b:pull\"").get(0);
        assertThat(c.scope()).isEqualTo("repository:a:pull repository:b:pull");
    }

    @Test
    void severalChallengesInOneHeaderAndBearerIsPreferred() {
        List<AuthChallenge> challenges = AuthChallengeParser.parse("Basic realm=\"Registry Realm\", Bearer realm=\"https://t/token\",service=\"s\"");
        assertThat(challenges).extracting(AuthChallenge::scheme).containsExactly("Basic", "Bearer");
        assertThat(challenges.get(0).realm()).isEqualTo("Registry Realm");
        assertThat(AuthChallengeParser.preferred(List.of("Basic realm=\"x\"", "Bearer realm=\"https://t/token\"")).isBearer()).isTrue();
        assertThat(AuthChallengeParser.preferred(List.of("Basic realm=\"x\"")).isBasic()).isTrue();
        assertThat(AuthChallengeParser.preferred(List.of("Negotiate abc"))).isNull();
    }

    @Test
    void token68AndBareSchemes() {
        List<AuthChallenge> challenges = AuthChallengeParser.parse("Negotiate YWJjZA==, Basic");
        assertThat(challenges).extracting(AuthChallenge::scheme).containsExactly("Negotiate", "Basic");
        assertThat(challenges.get(0).params()).containsEntry("token68", "YWJjZA==");
    }

    @Test
    void corruptHeadersYieldWhatParsedBeforeTheDamage() {
        assertThat(AuthChallengeParser.parse(null)).isEmpty();
        assertThat(AuthChallengeParser.parse("")).isEmpty();
        assertThat(AuthChallengeParser.parse("   ,  ")).isEmpty();
        List<AuthChallenge> unterminated = AuthChallengeParser.parse("Bearer realm=\"https://t/token");
        assertThat(unterminated).singleElement().satisfies(c -> assertThat(c.realm()).isNull());
        assertThat(AuthChallengeParser.preferred(List.of("Bearer realm=\"https://t/token"))).isNull();
        assertThat(AuthChallengeParser.parse("Bearer realm=\"r\" junk=1 ;;; \"")).singleElement()
                .satisfies(c -> assertThat(c.realm()).isEqualTo("r"));
    }
}
