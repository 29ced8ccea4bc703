package dev.layerwatch.engine.vulndb;

import dev.layerwatch.engine.advisory.Advisory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Stores an {@link Advisory} as deflated compact JSON: records are text-heavy and compress about four-fold. */
final class AdvisoryCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AdvisoryCodec() {
    }

    static byte[] encode(Advisory advisory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED))) {
            JSON.writeValue(out, advisory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode advisory " + advisory.id(), e);
        }
        return bytes.toByteArray();
    }

    static Advisory decode(InputStream deflated) {
        try (InputStream in = new InflaterInputStream(deflated)) {
            return JSON.readValue(in, Advisory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode stored advisory", e);
        }
    }
}
