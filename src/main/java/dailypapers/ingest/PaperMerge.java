package dailypapers.ingest;

import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.paper.UpsertCounts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores harvested records without letting one source erase what another knows. arXiv is the authority for
 * bibliographic metadata (title, abstract, authors, dates, version, categories); Hugging Face for community data
 * (upvotes, comments, featured day, code and project links, AI keywords). Each record is merged with the stored
 * paper inside the upsert's transaction, which reads a batch's stored papers in one query after taking the write
 * lock: an arXiv update cannot land between a Hugging Face run's read and its write. The sources lists are united.
 */
public final class PaperMerge {

    /** Which kind of fields a source is trusted with. */
    public enum Authority { METADATA, COMMUNITY }

    private final PaperStore store;

    public PaperMerge(PaperStore store) {
        this.store = store;
    }

    /** Merges each record with its stored paper, if any, and upserts them all in one transaction. */
    public UpsertCounts store(List<PaperRecord> records, Authority authority) {
        return store.upsert(records, (incoming, stored) -> merge(incoming, stored, authority));
    }

    static PaperRecord merge(PaperRecord incoming, Paper stored, Authority authority) {
        Paper in = incoming.paper();
        boolean metadata = authority == Authority.METADATA;
        // Each field comes from the side trusted with it, falling back to the other side when that one is silent.
        Paper bibliographic = metadata ? in : stored;
        Paper bibliographicFallback = metadata ? stored : in;
        Paper community = metadata ? stored : in;
        Paper communityFallback = metadata ? in : stored;
        Paper merged = new Paper(in.id(), bibliographic.title(), bibliographic.abstractText(),
                bibliographic.authors(), bibliographic.published(), bibliographic.updated(),
                bibliographic.version(),
                bibliographic.categories().isEmpty() ? bibliographicFallback.categories()
                        : bibliographic.categories(),
                firstNonNull(bibliographic.comment(), bibliographicFallback.comment()),
                firstNonNull(bibliographic.doi(), bibliographicFallback.doi()),
                firstNonNull(bibliographic.journalRef(), bibliographicFallback.journalRef()),
                firstNonNull(community.githubRepo(), communityFallback.githubRepo()),
                firstNonNull(community.projectPage(), communityFallback.projectPage()),
                community.aiKeywords().isEmpty() ? communityFallback.aiKeywords() : community.aiKeywords(),
                union(stored.sources(), in.sources()));
        return new PaperRecord(merged, incoming.upvotes(), incoming.numComments(), incoming.featuredOn(),
                incoming.submittedBy());
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
