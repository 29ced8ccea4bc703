package dev.layerwatch.engine.ecosystem.rpm;

/** The fields of one installed package's rpm header that identify it. {@code epoch} is null when absent. */
record RpmHeader(String name, Integer epoch, String version, String release, String arch, String sourceRpm) {

    /** {@code [epoch:]version-release}, the form rpm and the distro feeds compare. */
    String evr() {
        return (epoch == null ? "" : epoch + ":") + version + "-" + release;
    }

    /** Source package name from the SRPM file name ({@code openssl-3.0.7-27.el9.src.rpm} → {@code openssl}). */
    String sourceName() {
        if (sourceRpm == null || sourceRpm.isBlank()) {
            return null;
        }
        String s = sourceRpm;
        for (String suffix : new String[] {".rpm", ".src", ".nosrc"}) {
            if (s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        // name-version-release: the name itself may contain dashes, the last two parts never do
        int release = s.lastIndexOf('-');
        int version = release > 0 ? s.lastIndexOf('-', release - 1) : -1;
        return version > 0 ? s.substring(0, version) : null;
    }
}
