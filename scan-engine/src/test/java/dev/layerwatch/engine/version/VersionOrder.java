package dev.layerwatch.engine.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Assertions shared by the comparator tests: a list of tiers (versions in one tier are equal, each tier is
 * newer than the one before) must compare consistently for every pair, in both directions, and survive a sort.
 */
public final class VersionOrder {

    private VersionOrder() {
    }

    /** Each version is strictly newer than the one before it. */
    public static void assertAscending(VersionComparator comparator, String... versions) {
        List<List<String>> tiers = new ArrayList<>();
        for (String v : versions) {
            tiers.add(List.of(v));
        }
        assertTiers(comparator, tiers);
    }

    /** All versions compare equal to each other. */
    public static void assertEquivalent(VersionComparator comparator, String... versions) {
        assertTiers(comparator, List.of(List.of(versions)));
    }

    /**
     * Versions in one tier compare 0; every version of a later tier compares 1 against every version of an
     * earlier tier, and -1 the other way round (antisymmetry; transitivity follows from checking every pair).
     */
    public static void assertTiers(VersionComparator comparator, List<List<String>> tiers) {
        List<String> flat = new ArrayList<>();
        List<Integer> rank = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            for (String v : tiers.get(t)) {
                assertThat(comparator.isValid(v)).as("%s isValid(%s)", comparator.scheme(), v).isTrue();
                flat.add(v);
                rank.add(t);
            }
        }
        for (int i = 0; i < flat.size(); i++) {
            for (int j = 0; j < flat.size(); j++) {
                int expected = Integer.compare(rank.get(i), rank.get(j));
                assertThat(comparator.compare(flat.get(i), flat.get(j)))
                        .as("%s: compare(%s, %s)", comparator.scheme(), flat.get(i), flat.get(j))
                        .isEqualTo(expected);
            }
        }
        List<String> shuffled = new ArrayList<>(flat);
        Collections.shuffle(shuffled, new Random(440));
        shuffled.sort(comparator);
        for (int i = 0; i < shuffled.size(); i++) {
            assertThat(rank.get(flat.indexOf(shuffled.get(i))))
                    .as("%s: position %d after sorting %s", comparator.scheme(), i, shuffled)
                    .isEqualTo(rankOfPosition(tiers, i));
        }
    }

    private static int rankOfPosition(List<List<String>> tiers, int position) {
        int seen = 0;
        for (int t = 0; t < tiers.size(); t++) {
            seen += tiers.get(t).size();
            if (position < seen) {
                return t;
            }
        }
        throw new IllegalStateException("position " + position + " is past the last tier");
    }

    /** {@code compare(a, b)} is {@code expected} and {@code compare(b, a)} its negation. */
    public static void assertCompares(VersionComparator comparator, String a, String b, int expected) {
        assertThat(comparator.compare(a, b)).as("%s: compare(%s, %s)", comparator.scheme(), a, b).isEqualTo(expected);
        assertThat(comparator.compare(b, a)).as("%s: compare(%s, %s)", comparator.scheme(), b, a).isEqualTo(-expected);
    }

    /** {@code version} is rejected, on either side of a comparison, with a message naming it and the reason. */
    public static void assertInvalid(VersionComparator comparator, String version, String reasonFragment) {
        assertThat(comparator.isValid(version)).as("%s isValid(%s)", comparator.scheme(), version).isFalse();
        String valid = firstValid(comparator);
        assertThatThrownBy(() -> comparator.compare(version, valid))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid " + comparator.scheme() + " version")
                .hasMessageContaining(reasonFragment);
        assertThatThrownBy(() -> comparator.compare(valid, version))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining(reasonFragment);
    }

    /**
     * {@code version} is odd for its upstream tool, which warns but still orders it: it compares (equal to
     * itself, without error, on either side of a valid version), is not {@code isValid}, and its irregularity
     * names the reason.
     */
    public static void assertIrregular(VersionComparator comparator, String version, String reasonFragment) {
        assertThat(comparator.isValid(version)).as("%s isValid(%s)", comparator.scheme(), version).isFalse();
        assertThat(comparator.irregularity(version)).as("%s irregularity(%s)", comparator.scheme(), version)
                .hasValueSatisfying(why -> assertThat(why).contains(reasonFragment));
        assertThat(comparator.compare(version, version)).isZero();
        String valid = firstValid(comparator);
        assertThat(comparator.compare(version, valid)).isEqualTo(-comparator.compare(valid, version));
    }

    private static String firstValid(VersionComparator comparator) {
        for (String candidate : List.of("1.0.0", "v1.0.0", "1.0")) {
            if (comparator.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no simple valid version for scheme " + comparator.scheme());
    }
}
