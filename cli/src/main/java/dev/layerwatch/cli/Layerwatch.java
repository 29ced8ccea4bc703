package dev.layerwatch.cli;

/** Entry point of the {@code layerwatch} command. */
public final class Layerwatch {
    public static void main(String[] args) {
        System.exit(0);
    }
}
