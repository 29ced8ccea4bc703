package dev.layerwatch.testkit.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * An RSA key and its self-signed certificate, made at test time with the running JDK's {@code keytool}
 * (the JDK has no public API to issue a certificate). distribution trusts the certificate through
 * {@code auth.token.rootcertbundle}, and each token carries it in its {@code x5c} header, which spares us
 * libtrust's key-id format.
 */
final class TokenSigningKey {

    private static final char[] STORE_PASSWORD = "layerwatch-test".toCharArray();

    /** keytool costs seconds (a JVM start), so one key serves every token registry of the test JVM. */
    private static TokenSigningKey shared;

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private TokenSigningKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    static synchronized TokenSigningKey shared() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("layerwatch-token-key-");
            try {
                shared = generate(dir);
            } finally {
                Files.deleteIfExists(dir.resolve("token-signing.p12"));
                Files.deleteIfExists(dir);
            }
        }
        return shared;
    }

    static TokenSigningKey generate(Path workDir) throws IOException {
        Path store = workDir.resolve("token-signing.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048",
                "-alias", "token", "-dname", "CN=layerwatch-test-token-issuer", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("generating the token signing key with " + keytool + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the token signing key", e);
        } finally {
            process.destroy();
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD);
            return new TokenSigningKey((PrivateKey) keyStore.getKey("token", STORE_PASSWORD),
                    (X509Certificate) keyStore.getCertificate("token"));
        } catch (GeneralSecurityException e) {
            throw new IOException("reading the token signing key from " + store + " failed", e);
        }
    }

    void writeCertificatePem(Path target) throws IOException {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
            Files.writeString(target, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException("encoding the token certificate failed", e);
        }
    }

    /** The JWS header: RS256 with the certificate as a one-element {@code x5c} chain. */
    String jwsHeaderJson() {
        try {
            return "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encoding the token certificate failed", e);
        }
    }

    /** Compact JWS serialisation of {@code claimsJson}. */
    String sign(String claimsJson) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(jwsHeaderJson().getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a registry token failed", e);
        }
    }
}
