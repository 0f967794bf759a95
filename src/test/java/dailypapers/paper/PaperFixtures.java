package dailypapers.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test records with sensible defaults and unique ids; tests override only what they are about. */
public final class PaperFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger(10_000);

    private PaperFixtures() {
    }

    public static Builder paper() {
        return new Builder();
    }

    /** A fluent copy-on-write builder over {@link PaperRecord}. */
    public static final class Builder {

        private String id = "2601." + NEXT.getAndIncrement();
        private String title = "A paper about " + id;
        private String abstractText = "We study " + id + ".";
        private List<String> authors = List.of("Ada Lovelace", "Alan Turing");
        private LocalDate published = LocalDate.of(2026, 1, 15);
        private LocalDate updated;
        private int version;
        private List<String> categories = List.of("cs.LG");
        private String comment;
        private String doi;
        private String journalRef;
        private String github;
        private String projectPage;
        private List<String> aiKeywords = List.of();
        private List<String> sources = List.of("test");
        private Integer upvotes;
        private Integer numComments;
        private LocalDate featuredOn;
        private String submittedBy;

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder abstractText(String value) {
            abstractText = value;
            return this;
        }

        public Builder authors(String... values) {
            authors = List.of(values);
            return this;
        }

        public Builder published(LocalDate value) {
            published = value;
            return this;
        }

        public Builder updated(LocalDate value) {
            updated = value;
            return this;
        }

        public Builder version(int value) {
            version = value;
            return this;
        }

        public Builder categories(String... values) {
            categories = List.of(values);
            return this;
        }

        public Builder comment(String value) {
            comment = value;
            return this;
        }

        public Builder doi(String value) {
            doi = value;
            return this;
        }

        public Builder journalRef(String value) {
            journalRef = value;
            return this;
        }

        public Builder projectPage(String value) {
            projectPage = value;
            return this;
        }

        public Builder aiKeywords(String... values) {
            aiKeywords = List.of(values);
            return this;
        }

        public Builder sources(String... values) {
            sources = List.of(values);
            return this;
        }

        public Builder submittedBy(String value) {
            submittedBy = value;
            return this;
        }

        public Builder github(String value) {
            github = value;
            return this;
        }

        public Builder upvotes(Integer value) {
            upvotes = value;
            return this;
        }

        public Builder numComments(Integer value) {
            numComments = value;
            return this;
        }

        public Builder featuredOn(LocalDate value) {
            featuredOn = value;
            return this;
        }

        public PaperRecord build() {
            Paper paper = new Paper(ArxivId.parse(id), title, abstractText, authors, published, updated, version,
                    categories, comment, doi, journalRef, github, projectPage, aiKeywords, sources);
            return new PaperRecord(paper, upvotes, numComments, featuredOn, submittedBy);
        }
    }
}
