package dailypapers.web;

import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.search.SimilarPapers;
import dailypapers.text.TexText;
import java.util.List;

/**
 * The paper page: full metadata, every author, links out to arXiv, the PDF, code and project page.
 *
 * @param authors      the first {@link #SHOWN_AUTHORS} authors
 * @param moreAuthors  the rest, shown on request (collaboration papers list thousands)
 * @param codeUrl      GitHub repository or null; likewise {@code projectUrl}, {@code comment}, {@code doi},
 *                     {@code journalRef}, {@code updated} and {@code featured} may be null
 * @param version      latest known arXiv version, 0 when unknown
 * @param similar      papers like this one, most similar first; {@code similarNote} says how they were found
 * @param href         the paper page's own path, which its upvote form posts under
 * @param upvoted      whether the visitor upvoted the paper (false for an anonymous visitor)
 * @param members      who submitted the paper and which of its authors are confirmed members
 * @param discussion   the members' comments and the forms the visitor may use
 * @param library      a member's Save toggle and collection picker, or null for an anonymous visitor
 * @param hidden       why a moderator hid the paper, shown to moderators (others never see a hidden paper's page);
 *                     null when it is not hidden
 */
public record PaperView(PageFrame frame, String id, String title, String abstractText, List<LinkView> authors,
        List<LinkView> moreAuthors, String authorCount, String absUrl, String pdfUrl, String codeUrl,
        String codeLabel, String projectUrl, List<CategoryChip> categories, String comment, String doi,
        String doiUrl, String journalRef, int upvotes, String comments, String published, String updated,
        int version, LinkView featured, List<String> keywords, List<SimilarPaper> similar, String similarNote,
        String similarApi, String href, boolean upvoted, PaperMembers members, CommentsView discussion,
        PaperLibraryView library, HiddenNote hidden) {

    static final int SHOWN_AUTHORS = 30;

    public PaperView {
        authors = List.copyOf(authors);
        moreAuthors = List.copyOf(moreAuthors);
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        similar = List.copyOf(similar);
    }

    /** A similar paper as a link with its date and upvotes. */
    public record SimilarPaper(String title, String href, String detail) {

        public TexText titleTex() {
            return TexText.of(title);
        }
    }

    /** The title with its mathematics, for showing; likewise {@link #abstractTex()}. */
    public TexText titleTex() {
        return TexText.of(title);
    }

    public TexText abstractTex() {
        return TexText.of(abstractText);
    }

    /** A moderator's note that the paper is hidden, and where to unhide it. */
    public record HiddenNote(String reason, String when, String unhideAction) {
    }

    static PaperView of(PaperEntry entry, SimilarPapers.Similar similar, PaperMembers members, DateText dates,
            boolean upvoted, CommentsView discussion, PaperLibraryView library, HiddenNote hidden) {
        Paper paper = entry.paper();
        List<LinkView> authors = paper.authors().stream().map(a -> new LinkView(a, Links.author(a))).toList();
        int shown = Math.min(SHOWN_AUTHORS, authors.size());
        String codeUrl = Links.external(paper.githubRepo()).orElse(null);
        return new PaperView(
                new PageFrame(TexText.plain(paper.title()) + " — Daily Papers", PageFrame.Section.NONE,
                        List.of(PageFrame.trendingFeed(), new PageFrame.FeedLink("Comments on this paper",
                                Links.paperCommentsFeed(paper.id())))),
                paper.id().value(), paper.title(), paper.abstractText(),
                authors.subList(0, shown), authors.subList(shown, authors.size()),
                PaperCard.count(authors.size(), "author"),
                paper.id().absUrl(), paper.id().pdfUrl(),
                codeUrl, codeUrl == null ? null : codeUrl.replaceFirst("^https?://(www\\.)?github\\.com/", ""),
                Links.external(paper.projectPage()).orElse(null),
                PaperCard.categoryChips(paper.categories()),
                paper.comment(), paper.doi(), paper.doi() == null ? null : "https://doi.org/" + paper.doi(),
                paper.journalRef(), entry.upvotes(),
                entry.numComments() > 0 ? PaperCard.count(entry.numComments(), "comment") : null,
                DateText.full(paper.published()),
                paper.updated() == null || paper.updated().equals(paper.published())
                        ? null : DateText.full(paper.updated()),
                paper.version(),
                entry.featuring().map(f -> new LinkView(DateText.full(f.day()), Links.day(f.day()))).orElse(null),
                paper.aiKeywords(),
                similar.papers().stream().map(e -> new SimilarPaper(e.paper().title(), Links.paper(e.paper().id()),
                        dates.relative(e.paper().published()) + " · " + PaperCard.count(e.upvotes(), "upvote")))
                        .toList(),
                similar.byMeaning() ? "Nearest by meaning: their embeddings are closest to this paper's."
                        : "Sharing this paper's most distinctive words (it has no embedding yet).",
                Links.similarApi(paper.id()), Links.paper(paper.id()), upvoted, members, discussion, library,
                hidden);
    }
}
