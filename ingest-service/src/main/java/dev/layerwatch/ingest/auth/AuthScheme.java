package dev.layerwatch.ingest.auth;

/** The ways a sender can prove it knows the source's secret. */
public enum AuthScheme {
    /** {@code Authorization: Bearer <token>} or {@code Authorization: Basic base64(username:token)}. */
    AUTHORIZATION_HEADER,
    /** GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(token, raw body)>}. */
    GITHUB_SIGNATURE,
    /** JFrog's {@code X-JFrog-Event-Auth}: the raw secret, or the hex HMAC-SHA256 of the body when signing is on. */
    JFROG_SECRET,
    /** For senders that cannot sign or add headers: {@code /webhooks/<source>/<token>} or {@code ?token=<token>}. */
    URL_SECRET
}
