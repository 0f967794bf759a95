package dailypapers.search;

import dailypapers.paper.ArxivId;
import java.util.List;

/**
 * A paper's similar papers as computed, most similar first, with what they were computed from.
 *
 * @param paperWrittenAt the paper row's write time when the list was computed or last found current (its
 *                       {@code updated_at} text): a row not written since still has the text the list was found from
 */
public record SimilarList(ArxivId paper, List<ArxivId> similar, Basis basis, String paperWrittenAt) {

    public SimilarList {
        similar = List.copyOf(similar);
    }

    /**
     * What a list was computed from: the paper's text, the model whose vectors found it ({@code ""} when it was
     * found by shared words) and the size of the corpus it was picked from (all papers by words; by meaning, the
     * papers with a vector from that model).
     */
    public record Basis(String textHash, String model, long corpusSize) {

        /**
         * A list is computed again once the corpus it was picked from has grown by this share: new papers then
         * have a fair chance among its neighbours, while a day's harvest (a few hundred of 81,000 papers) leaves
         * every list standing.
         */
        public static final int CORPUS_GROWTH_PERCENT = 10;

        public boolean isByMeaning() {
            return !model.isEmpty();
        }

        /**
         * True when a list computed from this basis is still the paper's list, {@code now} being what it would be
         * computed from today: the same text, found the same way (a paper that gained a vector, or whose model
         * changed, is out of date), from a corpus that has not grown by {@link #CORPUS_GROWTH_PERCENT}% since.
         */
        public boolean isCurrentFor(Basis now) {
            return textHash.equals(now.textHash) && model.equals(now.model)
                    && now.corpusSize * 100 < corpusSize * (100 + CORPUS_GROWTH_PERCENT);
        }
    }
}
