package dailypapers.web;

import java.util.List;

/**
 * A page of paper cards: Daily Papers by day, week or month, trending, New, an author or a category.
 *
 * @param periods the day, week and month views of Daily Papers with the day picker, or null on other listings
 * @param steps  links to the nearest earlier and later listings with papers, or null
 * @param filter the category filter form, or null
 * @param pager  links between pages, or null when the listing fits one page
 * @param empty  what to say when {@code cards} is empty
 */
public record ListingView(PageFrame frame, Heading heading, PeriodNav periods, Steps steps,
        CategoryFilter filter, List<PaperCard> cards, Pager pager, EmptyState empty) implements CardListing {

    public ListingView {
        cards = List.copyOf(cards);
    }

    /** The same listing with these cards: a member's, with their upvotes marked. */
    ListingView withCards(List<PaperCard> marked) {
        return new ListingView(frame, heading, periods, steps, filter, marked, pager, empty);
    }

    /** Featured listings show page one of each paper, in a grid on wide screens. */
    public boolean hasThumbnails() {
        return cards.stream().anyMatch(card -> card.thumbnail() != null);
    }

    /** The top of a listing: a small label, the h1, a line about what is listed and how, and related links. */
    public record Heading(String eyebrow, String title, String summary, List<LinkView> links) {

        public Heading {
            links = List.copyOf(links);
        }
    }

    /**
     * Within Daily Papers (the section the main navigation marks): a day, its week or its month, a form that goes
     * to any day, and on a month's page its calendar.
     *
     * @param day      the day the picker starts from, as {@code 2026-08-21}
     * @param calendar the month's calendar, or null
     */
    public record PeriodNav(List<Tab> tabs, String day, CalendarView calendar) {

        public PeriodNav {
            tabs = List.copyOf(tabs);
        }
    }

    /** One of the views of Daily Papers: day, week or month. */
    public record Tab(String label, String href, boolean isCurrent) {

        public String ariaCurrent() {
            return isCurrent ? "page" : null;
        }
    }

    /** "← previous day" and "next day →"; either may be null. */
    public record Steps(Step previous, Step next) {

        public boolean isEmpty() {
            return previous == null && next == null;
        }
    }

    /** A step to a neighbouring listing, such as "← previous day" to "Aug 19". */
    public record Step(String label, String detail, String href) {
    }

    /**
     * The GET form that narrows New to one arXiv category.
     *
     * @param value    the current category, or "" for all
     * @param clearHref the same listing without the filter, or null when none is set
     */
    public record CategoryFilter(String action, String value, List<String> suggestions, String clearHref) {

        public CategoryFilter {
            suggestions = List.copyOf(suggestions);
        }
    }

    /**
     * What an empty listing says instead of a blank page.
     *
     * @param command a shell command to show, or null
     */
    public record EmptyState(String title, List<String> paragraphs, String command, List<LinkView> links) {

        public EmptyState {
            paragraphs = List.copyOf(paragraphs);
            links = List.copyOf(links);
        }

        /** An instance with no papers at all explains how to get some. */
        static final EmptyState EMPTY_INSTANCE = new EmptyState("No papers yet",
                List.of("This Daily Papers instance is running, but its database holds no papers yet.",
                        "Papers arrive from the arXiv and Hugging Face harvesters, when harvesting is on, and by"
                                + " import. To fill it now, import a JSON-lines file, plain or gzipped, in our"
                                + " schema or the arXiv metadata snapshot, then reload this page:"),
                "./dailypapers import papers.jsonl.gz",
                List.of(new LinkView("What the harvesters are doing", Links.harvestStatus()),
                        new LinkView("How ranking works", Links.about())));

        /** A page number beyond the last page of a listing. */
        static EmptyState pastTheEnd(String href, int pageCount) {
            return new EmptyState("Nothing on this page",
                    List.of("This listing has " + PaperCard.count(pageCount, "page") + "; this one is past its end."),
                    null, List.of(new LinkView("First page", href)));
        }
    }
}
