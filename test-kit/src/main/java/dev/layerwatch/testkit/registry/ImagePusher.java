package dev.layerwatch.testkit.registry;

import dev.layerwatch.common.image.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds images from rootfs-shaped directories at test time and pushes them to a registry over plain HTTP
 * with the distribution API: blobs by monolithic upload (POST then PUT), then the manifest by tag, or the
 * children by digest and then the index by tag. Answers Basic and Bearer challenges with the credentials
 * given.
 */
public final class ImagePusher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient http;
    private final PushAuthorizer authorizer;
    private final String user;

    public ImagePusher(URI baseUri) {
        this(baseUri, null, null);
    }

    private ImagePusher(URI baseUri, String user, String password) {
        this.baseUri = baseUri;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        this.user = user;
        this.authorizer = new PushAuthorizer(http, user, password);
    }

    /** A pusher that answers challenges with these credentials. */
    public ImagePusher withCredentials(String user, String password) {
        return new ImagePusher(baseUri, user, password);
    }

    /** Builds the image and pushes it as {@code repository:tag}. */
    public PushedImage push(String repository, String tag, ImageSpec spec) throws IOException, InterruptedException {
        return pushImage(repository, tag, spec);
    }

    /**
     * Pushes each child by digest, then an index of them by tag: an OCI index, or a Docker manifest list when
     * {@code listFormat} is {@link ManifestFormat#DOCKER_SCHEMA2}.
     */
    public PushedIndex pushIndex(String repository, String tag, ManifestFormat listFormat, List<ImageSpec> children)
            throws IOException, InterruptedException {
        List<PushedImage> pushed = new ArrayList<>();
        for (ImageSpec child : children) {
            pushed.add(pushImage(repository, null, child));
        }
        String mediaType = listFormat.indexMediaType();
        byte[] index = ImageDocuments.index(mediaType, pushed, children);
        Digest digest = pushManifest(repository, tag, mediaType, index);
        return new PushedIndex(baseUri.getAuthority(), repository, tag, digest, mediaType, index, pushed);
    }

    /** {@link #pushIndex(String, String, ManifestFormat, List)} as an OCI index. */
    public PushedIndex pushIndex(String repository, String tag, List<ImageSpec> children) throws IOException, InterruptedException {
        return pushIndex(repository, tag, ManifestFormat.OCI, children);
    }

    private PushedImage pushImage(String repository, String tag, ImageSpec spec) throws IOException, InterruptedException {
        List<ImageDocuments.Descriptor> layers = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (ImageSpec.Layer layer : spec.layers) {
            byte[] tar = LayerTarBuilder.tar(layer.directory());
            byte[] blob = layer.compression().compress(tar);
            diffIds.add(sha256(tar));
            Digest digest = pushBlob(repository, blob);
            layers.add(new ImageDocuments.Descriptor(layer.compression().mediaType(spec.format), digest, blob.length));
        }
        byte[] config = ImageDocuments.config(spec, diffIds);
        Digest configDigest = pushBlob(repository, config);
        byte[] manifest = ImageDocuments.manifest(spec.format,
                new ImageDocuments.Descriptor(spec.format.configMediaType(), configDigest, config.length), layers);
        String mediaType = spec.format.manifestMediaType();
        Digest manifestDigest = pushManifest(repository, tag, mediaType, manifest);
        return new PushedImage(baseUri.getAuthority(), repository, tag, manifestDigest, mediaType, manifest, configDigest, config,
                layers.stream().map(ImageDocuments.Descriptor::digest).toList(),
                layers.stream().map(ImageDocuments.Descriptor::mediaType).toList(), diffIds);
    }

    /** Uploads a blob unless the registry already has it; returns its digest. */
    public Digest pushBlob(String repository, byte[] blob) throws IOException, InterruptedException {
        Digest digest = sha256(blob);
        URI blobUri = api(repository, "/blobs/" + digest);
        HttpResponse<Void> head = authorizer.send(repository,
                () -> request(blobUri).method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() == 200) {
            return digest;
        }
        HttpResponse<String> started = authorizer.send(repository,
                () -> request(api(repository, "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
        expect(started, 202, "starting a blob upload", repository);
        String location = started.headers().firstValue("Location").orElseThrow(() ->
                new IOException("registry started an upload to " + repository + " without a Location header"));
        URI uploadUri = baseUri.resolve(location);
        String separator = uploadUri.getRawQuery() == null ? "?" : "&";
        URI putUri = URI.create(uploadUri + separator + "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8));
        HttpResponse<String> put = authorizer.send(repository,
                () -> request(putUri).header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)),
                HttpResponse.BodyHandlers.ofString());
        expect(put, 201, "uploading blob " + digest, repository);
        return digest;
    }

    /** PUTs a manifest or index under {@code reference} (a tag; null means by its own digest). */
    public Digest pushManifest(String repository, String reference, String mediaType, byte[] manifest)
            throws IOException, InterruptedException {
        Digest digest = sha256(manifest);
        URI uri = api(repository, "/manifests/" + (reference == null ? digest.toString() : reference));
        HttpResponse<String> put = authorizer.send(repository,
                () -> request(uri).header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
                HttpResponse.BodyHandlers.ofString());
        expect(put, 201, "putting manifest " + (reference == null ? digest : reference), repository);
        String answered = put.headers().firstValue("Docker-Content-Digest").orElse(digest.toString());
        if (!answered.equals(digest.toString())) {
            throw new IOException("registry stored manifest of " + repository + " as " + answered + ", expected " + digest);
        }
        return digest;
    }

    private URI api(String repository, String path) {
        return baseUri.resolve("/v2/" + repository + path);
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    private void expect(HttpResponse<String> response, int status, String action, String repository) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(action + " in " + baseUri.getAuthority() + "/" + repository
                    + (user == null ? "" : " as " + user) + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
