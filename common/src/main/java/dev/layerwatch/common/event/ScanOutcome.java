package dev.layerwatch.common.event;

import java.time.Instant;
import java.util.List;

/**
 * How far a scan got. {@code COMPLETE}: every layer was read. {@code INCOMPLETE}: some layers could not be
 * read (digest mismatch, corrupt stream, a limit hit) and are named with the reason, so a clean result is
 * not clean. {@code FAILED}: the image could not be scanned at all; {@code reason} says why and
 * {@code failingSince} when the first attempt failed (a registry outage outlasting the retry window).
 */
public record ScanOutcome(Result result, List<LayerProblem> incompleteLayers, String reason, Instant failingSince) {

    public enum Result { COMPLETE, INCOMPLETE, FAILED }

    /** One layer that could not be analysed, and why. */
    public record LayerProblem(String layer, String reason) {
        public LayerProblem {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("layer problem " + layer + " needs a reason");
            }
        }
    }

    public ScanOutcome {
        if (result == null) {
            throw new IllegalArgumentException("scan outcome needs a result");
        }
        incompleteLayers = incompleteLayers == null ? List.of() : List.copyOf(incompleteLayers);
        if (result == Result.INCOMPLETE && incompleteLayers.isEmpty()) {
            throw new IllegalArgumentException("an INCOMPLETE scan must name the layers it could not read");
        }
        if (result == Result.FAILED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a FAILED scan must say why");
        }
    }

    public static final ScanOutcome COMPLETE = new ScanOutcome(Result.COMPLETE, List.of(), null, null);

    /** COMPLETE when {@code problems} is empty, INCOMPLETE naming them otherwise. */
    public static ScanOutcome of(List<LayerProblem> problems) {
        return problems == null || problems.isEmpty() ? COMPLETE : new ScanOutcome(Result.INCOMPLETE, problems, null, null);
    }

    public static ScanOutcome failed(String reason, Instant since) {
        return new ScanOutcome(Result.FAILED, List.of(), reason, since);
    }

    public boolean complete() {
        return result == Result.COMPLETE;
    }

    /** One line for a person: "2 layers not read: sha256:ab… (corrupt gzip stream); …". */
    public String describe() {
        return switch (result) {
            case COMPLETE -> "complete";
            case FAILED -> "scan failed: " + reason + (failingSince == null ? "" : " since " + failingSince);
            case INCOMPLETE -> "incomplete: " + incompleteLayers.size() + (incompleteLayers.size() == 1 ? " layer" : " layers")
                    + " not read: " + String.join("; ", incompleteLayers.stream().map(p -> p.layer() + " (" + p.reason() + ")").toList());
        };
    }
}
