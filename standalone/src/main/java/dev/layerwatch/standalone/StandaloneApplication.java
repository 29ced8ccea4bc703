package dev.layerwatch.standalone;

public class StandaloneApplication {
    public static void main(String[] args) {
    }
}
