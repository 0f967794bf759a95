package dailypapers.web;

import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One paper in a listing, as the shared card template shows it.
 *
 * @param codeUrl  GitHub repository, or null when unknown
 * @param score    trending score to show, or null outside the trending page
 */
public record PaperCard(String id, String href, String title, String abstractText, String authorCount,
        LocalDate published, String publishedLabel, int upvotes, String codeUrl, String comments,
        List<LinkView> categories, String score) {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    /** Abstracts shorter than this fit the clamped lines, so they get no "show full abstract" control. */
    private static final int CLAMPED_CHARS = 280;

    public PaperCard {
        categories = List.copyOf(categories);
    }

    static PaperCard of(PaperEntry entry, DateText dates) {
        return of(entry, dates, null);
    }

    static PaperCard of(PaperEntry entry, DateText dates, Double score) {
        Paper paper = entry.paper();
        return new PaperCard(paper.id().value(), Links.paper(paper.id()), paper.title(), paper.abstractText(),
                count(paper.authors().size(), "author"), paper.published(), dates.relative(paper.published()),
                entry.upvotes(), Links.external(paper.githubRepo()).orElse(null),
                entry.numComments() > 0 ? count(entry.numComments(), "comment") : null,
                categoryLinks(paper.categories()),
                score == null ? null : AboutView.score(score));
    }

    static List<LinkView> categoryLinks(List<String> categories) {
        return categories.stream().map(c -> new LinkView(c, Links.category(c))).toList();
    }

    /** "1 author", "3,303 authors". */
    static String count(int n, String noun) {
        return String.format(Locale.ENGLISH, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** A unique, CSS-safe fragment for element ids (arXiv ids hold dots and slashes). */
    public String anchor() {
        return "paper-" + NOT_ALPHANUMERIC.matcher(id).replaceAll("-");
    }

    /** "1 upvote", "163 upvotes". */
    public String upvoteLabel() {
        return count(upvotes, "upvote");
    }

    public boolean hasLongAbstract() {
        return abstractText.length() > CLAMPED_CHARS;
    }
}
