package dev.layerwatch.engine.ecosystem.java;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Maven version parsed into ComparableVersion's item tree (the semantics of Maven 3.8.7 to 3.9.x, with
 * MNG-5568, MNG-6964 and MNG-7644): dots and hyphens separate items, a switch between digits and letters is a
 * separator too; a hyphen, a letter/digit switch, or a qualifier after a dot opens a nested list, which is why
 * {@code 1-1 < 1.1} and {@code 2.0.a == 2-a}. Trailing "null" items (0, "", ga, final, release, empty lists) are
 * dropped, so {@code 1 == 1.0 == 1-0 == 1.0.RELEASE}.
 */
final class MavenComparableVersion implements Comparable<MavenComparableVersion> {

    /** Known qualifiers in order; the empty string is the release. Unknown ones sort after, lexically. */
    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final Map<String, String> ALIASES = Map.of("ga", "", "final", "", "release", "", "cr", "rc");
    private static final String RELEASE_RANK = String.valueOf(QUALIFIERS.indexOf(""));

    private sealed interface Item permits NumberItem, TextItem, ListItem {
        /** Compares with another item, or with "nothing" when {@code other} is null (a shorter version). */
        int compareTo(Item other);

        boolean isNull();
    }

    private record NumberItem(BigInteger value) implements Item {
        @Override
        public int compareTo(Item other) {
            return switch (other) {
                case null -> value.signum() == 0 ? 0 : 1;
                case NumberItem n -> value.compareTo(n.value());
                case TextItem t -> 1;
                case ListItem l -> 1;
            };
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }
    }

    private record TextItem(String value) implements Item {
        static TextItem of(String text, boolean followedByDigit) {
            String value = text;
            if (followedByDigit && text.length() == 1) {
                value = switch (text.charAt(0)) {
                    case 'a' -> "alpha";
                    case 'b' -> "beta";
                    case 'm' -> "milestone";
                    default -> text;
                };
            }
            return new TextItem(ALIASES.getOrDefault(value, value));
        }

        /** The qualifier's sort key: its index, or (count-qualifier) so unknown ones follow every known one. */
        private static String rank(String qualifier) {
            int i = QUALIFIERS.indexOf(qualifier);
            return i == -1 ? QUALIFIERS.size() + "-" + qualifier : String.valueOf(i);
        }

        @Override
        public int compareTo(Item other) {
            return switch (other) {
                case null -> rank(value).compareTo(RELEASE_RANK);
                case NumberItem n -> -1;
                case TextItem t -> rank(value).compareTo(rank(t.value()));
                case ListItem l -> -1;
            };
        }

        @Override
        public boolean isNull() {
            return rank(value).equals(RELEASE_RANK);
        }
    }

    private record ListItem(List<Item> items) implements Item {
        ListItem() {
            this(new ArrayList<>());
        }

        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }

        @Override
        public int compareTo(Item other) {
            return switch (other) {
                case null -> {
                    // every item counts, not just the first (MNG-6964: 1-0.alpha < 1)
                    for (Item item : items) {
                        int result = item.compareTo(null);
                        if (result != 0) {
                            yield result;
                        }
                    }
                    yield 0;
                }
                case NumberItem n -> -1;
                case TextItem t -> 1;
                case ListItem l -> {
                    int size = Math.max(items.size(), l.items().size());
                    for (int i = 0; i < size; i++) {
                        Item left = i < items.size() ? items.get(i) : null;
                        Item right = i < l.items().size() ? l.items().get(i) : null;
                        int result = left == null
                                ? (right == null ? 0 : -right.compareTo(null))
                                : left.compareTo(right);
                        if (result != 0) {
                            yield result;
                        }
                    }
                    yield 0;
                }
            };
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }
    }

    private final ListItem root;

    private MavenComparableVersion(ListItem root) {
        this.root = root;
    }

    static MavenComparableVersion parse(String version) {
        String v = version.toLowerCase(Locale.ROOT);
        ListItem root = new ListItem();
        ListItem list = root;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean digit = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.' || c == '-') {
                list.items().add(i == start ? new NumberItem(BigInteger.ZERO) : item(digit, v.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    list = nested(list, stack);
                }
            } else if (c >= '0' && c <= '9') {
                if (!digit && i > start) {
                    // MNG-7644: a qualifier after a dot gets its own list, as after a hyphen (1.0.0.RC1 < 1.0.0-RC2)
                    if (!list.items().isEmpty()) {
                        list = nested(list, stack);
                    }
                    list.items().add(TextItem.of(v.substring(start, i), true));
                    start = i;
                    list = nested(list, stack);
                }
                digit = true;
            } else {
                if (digit && i > start) {
                    list.items().add(item(true, v.substring(start, i)));
                    start = i;
                    list = nested(list, stack);
                }
                digit = false;
            }
        }
        if (v.length() > start) {
            if (!digit && !list.items().isEmpty()) {
                list = nested(list, stack);
            }
            list.items().add(item(digit, v.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return new MavenComparableVersion(root);
    }

    private static ListItem nested(ListItem parent, Deque<ListItem> stack) {
        ListItem child = new ListItem();
        parent.items().add(child);
        stack.push(child);
        return child;
    }

    private static Item item(boolean digit, String text) {
        return digit ? new NumberItem(new BigInteger(text)) : TextItem.of(text, false);
    }

    @Override
    public int compareTo(MavenComparableVersion other) {
        return Integer.signum(root.compareTo(other.root));
    }
}
