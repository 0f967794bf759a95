package dailypapers.search;

import java.util.regex.Pattern;

/**
 * The keyword ranking every engine implements, in one place: how much each field counts, and which hyphens join a
 * compound. The Lucene engine builds its queries and analyzer from these; the Solr engine its queries, its
 * combined field and (for the pattern) its configset, which a test holds to the same pattern.
 */
public final class KeywordRanking {

    /**
     * A word is scored over title and abstract as one field, BM25F: its occurrences in the title count this many
     * times, and the title's length as often, so a word's weight stays one idf however the two fields share it. On
     * the SciFact training queries (nDCG@10, k1 0.9, b 0.4) BM25F gave 0.6881 with a title weight of 1, 0.6900 with
     * 1.5, 0.6921 with 3, 0.6918 with 4 and 0.6911 with 6; the per-field sum below gave 0.6870.
     */
    public static final int TITLE_WEIGHT = 3;

    /**
     * Field boosts where scores of fields add up: a phrase (quoted, or a word the analyzer splits, like GPT-4)
     * in the title and the abstract counts in both, and the title's extra weight is its boost; an author's name or
     * a category word adds to the title and abstract score. Tuned on the SciFact training queries when every word
     * was scored this way (nDCG@10 with k1 0.9, b 0.4): title boost 2.0 gave 0.609, 1.0 gave 0.662, 0.75 gave
     * 0.676, 0.5 gave 0.687, 0.25 gave 0.685. An author match is worth an abstract match; a category word half of
     * one.
     */
    public static final float TITLE_BOOST = 0.5f;
    public static final float ABSTRACT_BOOST = 1.0f;
    public static final float AUTHORS_BOOST = 1.0f;
    public static final float CATEGORIES_BOOST = 0.5f;

    /**
     * A hyphen between two word characters, one of them a letter ("multi-agent", "GPT-4", "1-bit", not
     * "2020-2021"): it joins its words into one compound rather than splitting them.
     */
    public static final Pattern HYPHEN_IN_WORD = Pattern.compile(
            "(?<=\\p{L})[-\\u2010\\u2011](?=[\\p{L}\\p{N}])|(?<=\\p{N})[-\\u2010\\u2011](?=\\p{L})");

    private KeywordRanking() {
    }
}
