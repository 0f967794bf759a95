package dailypapers.search;

import java.util.Locale;
import java.util.Optional;

/** How a query is matched: words (BM25), meaning (dense vectors), or both fused. */
public enum SearchMode {
    KEYWORD, SEMANTIC, HYBRID;

    /** The mode named by {@code keyword}, {@code semantic} or {@code hybrid}; empty for anything else. */
    public static Optional<SearchMode> parse(String text) {
        for (SearchMode mode : values()) {
            if (mode.key().equals(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsVectors() {
        return this != KEYWORD;
    }
}
