package dev.layerwatch.report.store;

import dev.layerwatch.common.inventory.InventoryPackage;
import dev.layerwatch.common.inventory.LayerInventory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content address of a layer's share of an image: sha256 over the layer digest and its packages. Two images on
 * the same base layer get the same id (stored once); an image whose upper layer deletes a base package gets another.
 */
final class LayerInventoryId {

    private LayerInventoryId() {
    }

    static String of(LayerInventory layer) {
        MessageDigest sha = sha256();
        update(sha, layer.layer());
        for (InventoryPackage p : layer.packages()) {
            update(sha, p.type());
            update(sha, p.name());
            update(sha, p.version());
            update(sha, p.purl());
            update(sha, p.source());
            update(sha, p.sourceVersion());
            for (String location : p.locations()) {
                update(sha, location);
            }
            sha.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String value) {
        if (value != null) {
            sha.update(value.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
