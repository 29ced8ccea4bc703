package dev.layerwatch.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code layerwatch --version}: the jar's Implementation-Version. */
final class LayerwatchVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Layerwatch.class.getPackage().getImplementationVersion();
        return new String[] {"layerwatch " + (v == null ? "development" : v)};
    }
}
