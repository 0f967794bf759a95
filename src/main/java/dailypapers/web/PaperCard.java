package dailypapers.web;

import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.search.Highlight;
import dailypapers.search.SearchHit;
import dailypapers.submission.MemberName;
import dailypapers.text.TexText;
import dailypapers.thumbnail.FirstPageRenderer;
import dailypapers.thumbnail.Thumbnail;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One paper in a listing, as the shared card template shows it.
 *
 * @param codeUrl  GitHub repository, or null when unknown
 * @param score    trending score to show, or null outside the trending page
 * @param titleHighlight    the title with the words a search matched marked, or null outside search results and
 *                          for a title with mathematics, which reads better typeset than marked;
 *                          {@code abstractHighlight}: the best passages of the abstract, or null
 * @param matchNote         why a search result ranks where it does ("exact match", "keyword #2 · semantic #5"),
 *                          or null
 * @param thumbnail         the picture of page one on a featured listing's card, or null on other listings
 * @param upvoted           whether the visitor upvoted the paper (false for an anonymous visitor)
 * @param submittedBy       the member whose submission featured the paper, linked to their profile, or null
 */
public record PaperCard(String id, String href, String title, String abstractText, String authorCount,
        LocalDate published, String publishedLabel, int upvotes, String codeUrl, String comments,
        List<CategoryChip> categories, String score, Highlight titleHighlight, Highlight abstractHighlight,
        String matchNote, Picture thumbnail, boolean upvoted, LinkView submittedBy) {

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
                categoryChips(paper.categories()),
                score == null ? null : AboutView.score(score), null, null, null, null, false, null);
    }

    /** A search result: the card with highlighted title and abstract passages, and why it ranks here. */
    static PaperCard of(SearchHit hit, DateText dates) {
        PaperCard card = of(hit.entry(), dates);
        Highlight title = card.titleTex().hasMath() ? null : hit.snippets().title();
        return new PaperCard(card.id, card.href, card.title, card.abstractText, card.authorCount, card.published,
                card.publishedLabel, card.upvotes, card.codeUrl, card.comments, card.categories, null,
                title, hit.snippets().abstractText(), matchNote(hit), null, false, null);
    }

    /**
     * Page one of the paper, decorative beside its title, in a box of fixed shape so that nothing moves when it
     * loads; {@code src} is null while the thumbnail does not exist yet, and the box shows a placeholder.
     */
    public record Picture(String src, int width, int height) {

        /** The box a missing thumbnail reserves: a US Letter page {@value FirstPageRenderer#WIDTH_PX} px wide. */
        static final Picture PLACEHOLDER = new Picture(null, FirstPageRenderer.WIDTH_PX,
                FirstPageRenderer.WIDTH_PX * 22 / 17);

        public boolean isPlaceholder() {
            return src == null;
        }
    }

    /** The card with the paper's thumbnail, or its placeholder while there is none. */
    PaperCard withThumbnail(Optional<Thumbnail> thumbnail) {
        Picture picture = thumbnail.map(t -> new Picture(Links.thumbnail(new ArxivId(id), t), t.width(), t.height()))
                .orElse(Picture.PLACEHOLDER);
        return new PaperCard(id, href, title, abstractText, authorCount, published, publishedLabel, upvotes,
                codeUrl, comments, categories, score, titleHighlight, abstractHighlight, matchNote, picture, upvoted,
                submittedBy);
    }

    /** The card as the visitor who upvoted the paper sees it. */
    PaperCard withUpvoted() {
        return new PaperCard(id, href, title, abstractText, authorCount, published, publishedLabel, upvotes,
                codeUrl, comments, categories, score, titleHighlight, abstractHighlight, matchNote, thumbnail, true,
                submittedBy);
    }

    /** The card saying which member's submission featured the paper. */
    PaperCard withSubmitter(MemberName member) {
        return new PaperCard(id, href, title, abstractText, authorCount, published, publishedLabel, upvotes,
                codeUrl, comments, categories, score, titleHighlight, abstractHighlight, matchNote, thumbnail, upvoted,
                new LinkView(member.displayName(), Links.member(member.handle())));
    }

    private static String matchNote(SearchHit hit) {
        if (hit.isExactMatch()) {
            return "exact match";
        }
        if (hit.keywordRank() > 0 && hit.semanticRank() > 0) {
            return "keyword #" + hit.keywordRank() + " · semantic #" + hit.semanticRank();
        }
        if (hit.semanticRank() > 0) {
            return "semantic #" + hit.semanticRank();
        }
        return null;
    }

    static List<CategoryChip> categoryChips(List<String> categories) {
        return categories.stream().map(CategoryChip::of).toList();
    }

    /** The title with its mathematics, for showing. */
    public TexText titleTex() {
        return TexText.of(title);
    }

    /** The abstract with its mathematics, for showing. */
    public TexText abstractTex() {
        return TexText.of(abstractText);
    }

    /** "1 author", "3,303 authors". */
    static String count(int n, String noun) {
        // Most counts need no grouping, and formatting one costs more than the rest of a card's upvote button.
        String number = Math.abs(n) < 1_000 ? Integer.toString(n) : String.format(Locale.ENGLISH, "%,d", n);
        return number + " " + noun + (n == 1 ? "" : "s");
    }

    /** A unique, CSS-safe fragment for element ids (arXiv ids hold dots and slashes). */
    public String anchor() {
        return anchorOf(id);
    }

    /** The card's fragment for a paper id, for links to a card on a listing. */
    static String anchorOf(String id) {
        // A loop rather than a regular expression: every card of a listing asks for its anchor a few times.
        char[] anchor = id.toCharArray();
        for (int i = 0; i < anchor.length; i++) {
            char c = anchor[i];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                anchor[i] = '-';
            }
        }
        return "paper-" + new String(anchor);
    }

    /** "1 upvote", "163 upvotes": the one label of an upvote count, on cards, paper pages and /about. */
    public static String upvoteLabel(int upvotes) {
        return count(upvotes, "upvote");
    }

    /** A full abstract long enough to be clamped; search snippets are short already. */
    public boolean hasLongAbstract() {
        return abstractHighlight == null && abstractText.length() > CLAMPED_CHARS;
    }
}
