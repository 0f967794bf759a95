package dailypapers.library;

import dailypapers.paper.ArxivId;
import java.util.Comparator;
import java.util.List;

/**
 * What an import of a BibTeX file did with each of its entries, in file order: every entry is accounted for.
 *
 * @param lines one per entry, by line number
 */
public record ImportReport(PaperCollection collection, List<Line> lines) {

    /** The most entries one import takes. */
    public static final int MAX_ENTRIES = 5_000;
    /** The largest file one import takes. */
    public static final int MAX_BYTES = 1024 * 1024;

    public ImportReport {
        lines = lines.stream().sorted(Comparator.comparingInt(Line::line)).toList();
    }

    /** What became of one entry. */
    public enum Outcome {
        ADDED("added to the collection"),
        ALREADY_THERE("already in the collection"),
        NOT_IN_INSTANCE("an arXiv paper that is not in this instance"),
        NOT_ARXIV("not an arXiv paper"),
        MALFORMED("not readable BibTeX");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One entry's outcome.
     *
     * @param key   the entry's citation key, or null for a malformed entry that has none
     * @param paper the arXiv paper it names, or null
     */
    public record Line(int line, String key, ArxivId paper, Outcome outcome, String message) {
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** The entries that were not added, the ones a reader has to look at. */
    public List<Line> notAdded() {
        return lines.stream().filter(l -> l.outcome() != Outcome.ADDED && l.outcome() != Outcome.ALREADY_THERE)
                .toList();
    }
}
