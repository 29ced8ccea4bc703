package dev.layerwatch.engine.registry;

import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header: a scheme and its auth-params (names lower-cased; a
 * repeated parameter such as {@code scope} has its values joined by a space, which is what scope lists mean).
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    AuthChallenge {
        params = Map.copyOf(params);
    }

    boolean isBearer() {
        return scheme.toLowerCase(Locale.ROOT).equals("bearer");
    }

    boolean isBasic() {
        return scheme.toLowerCase(Locale.ROOT).equals("basic");
    }

    String realm() {
        return params.get("realm");
    }

    String service() {
        return params.get("service");
    }

    /** The scope the registry asked for, or null. */
    String scope() {
        return params.get("scope");
    }

    /** {@code insufficient_scope}, {@code invalid_token}, … or null. */
    String error() {
        return params.get("error");
    }
}
