package dailypapers.search;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored lists of similar papers ({@link SimilarPapers}) and what telling them current needs from the papers. */
public interface SimilarStore {

    /**
     * Where each of these papers stands: its stored list's basis, if any, and what a list would be computed from
     * now; papers the database does not have are left out. {@code model} is the configured embedding model (empty
     * for none).
     */
    List<State> states(Collection<ArxivId> papers, Optional<String> model);

    /** As {@link #states}, for up to {@code limit} papers with an id after {@code after}, in id order. */
    List<State> scan(Optional<ArxivId> after, int limit, Optional<String> model);

    /**
     * Up to {@code limit} papers of {@code paper}'s stored list, in its order, leaving out papers removed or hidden
     * by a moderator since it was computed.
     */
    List<PaperEntry> listed(ArxivId paper, int limit);

    /** Stores these lists, each replacing the paper's list, in one transaction. */
    void save(List<SimilarList> lists);

    /**
     * Records that these papers' rows were written again (a vote, new metadata) without changing the text their
     * lists were found from: paper to its row's new write time.
     */
    void markUnchanged(Map<ArxivId, String> writtenAt);

    /**
     * A paper and what its similar papers depend on.
     *
     * @param writtenAt         the paper row's write time ({@code updated_at} text)
     * @param hasVector         whether it has a vector from the configured model
     * @param papers            papers in the database
     * @param papersWithVectors papers with a vector from the configured model
     * @param listed            its stored list's basis, when it has one
     */
    record State(ArxivId paper, String writtenAt, boolean hasVector, long papers, long papersWithVectors,
            Optional<Listed> listed) {
    }

    /** What a stored list was computed from, and the paper row's write time when it was last found current. */
    record Listed(SimilarList.Basis basis, String paperWrittenAt) {
    }
}
