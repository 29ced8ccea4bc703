package dev.layerwatch.engine.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One OpenVEX statement: a vulnerability, the products (purls) it speaks about, and the status.
 * A product purl without version matches every version of that package; an image purl
 * ({@code pkg:oci/…}) without subcomponents speaks about the whole image, so about every package in it.
 */
public record VexStatement(String vulnerability, List<String> aliases, List<String> products, String status,
                           String justification, String impactStatement) {

    public VexStatement {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** {@code not_affected} and {@code fixed} suppress; {@code affected} and {@code under_investigation} do not. */
    public boolean suppresses() {
        return "not_affected".equals(status) || "fixed".equals(status);
    }

    public boolean appliesTo(VulnerabilityFinding f) {
        List<String> ids = new ArrayList<>(aliases);
        ids.add(vulnerability);
        boolean sameVulnerability = ids.stream().anyMatch(id -> id.equalsIgnoreCase(f.id())
                || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(id)));
        return sameVulnerability && (products.isEmpty() || products.stream().anyMatch(p -> productMatches(p, f)));
    }

    private static boolean productMatches(String product, VulnerabilityFinding f) {
        if (!product.startsWith("pkg:")) {
            return false;
        }
        try {
            PackageURL want = new PackageURL(product);
            if (want.getType().equals("oci")) {
                return true;
            }
            if (f.pkg().purl() == null) {
                return false;
            }
            PackageURL have = new PackageURL(f.pkg().purl());
            return want.getType().equals(have.getType())
                    && Objects.equals(want.getNamespace(), have.getNamespace())
                    && want.getName().equals(have.getName())
                    && (want.getVersion() == null || want.getVersion().equals(have.getVersion()));
        } catch (MalformedPackageURLException e) {
            return false;
        }
    }
}
