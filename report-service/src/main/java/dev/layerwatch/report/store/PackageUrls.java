package dev.layerwatch.report.store;

/** The purl without version, qualifiers and subpath: what "package → images" looks up. Mirrors migration V2's backfill. */
public final class PackageUrls {

    private PackageUrls() {
    }

    public static String withoutVersion(String purl) {
        if (purl == null) {
            return null;
        }
        String s = purl;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        int at = s.indexOf('@');
        return at >= 0 ? s.substring(0, at) : s;
    }
}
