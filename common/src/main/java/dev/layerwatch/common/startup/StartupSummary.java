package dev.layerwatch.common.startup;

import java.util.List;

/** Renders the start-up facts of one process as one block, so a single log record says what is active. */
public final class StartupSummary {

    private StartupSummary() {
    }

    public static String render(String process, List<? extends StartupFact> facts) {
        StringBuilder sb = new StringBuilder("Layerwatch ").append(process).append(" ready");
        for (StartupFact fact : facts) {
            for (String line : fact.lines()) {
                sb.append("\n  ").append(line);
            }
        }
        return sb.toString();
    }
}
