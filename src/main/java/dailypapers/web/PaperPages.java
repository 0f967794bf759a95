package dailypapers.web;

import dailypapers.comment.CommentService;
import dailypapers.account.Member;
import dailypapers.feed.FeedService;
import dailypapers.feed.Page;
import dailypapers.moderation.HiddenPaper;
import dailypapers.moderation.ModerationService;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.SimilarPapers;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.submission.ClaimService;
import dailypapers.submission.SubmissionException;
import dailypapers.submission.SubmissionModule;
import dailypapers.text.Messages;
import dailypapers.web.ListingView.EmptyState;
import dailypapers.web.ListingView.Heading;
import dailypapers.web.PageFrame.FeedLink;
import dailypapers.web.PageFrame.Section;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** HTML pages for one paper, an author and a category. */
final class PaperPages {

    /** Similar papers listed on a paper page. */
    static final int SIMILAR_PAPERS = 6;

    private final FeedService feed;
    private final SimilarPapers similar;
    private final SubmissionModule submissions;
    private final CommentService comments;
    private final LibraryPages library;
    private final Views views;
    private final DateText dates;
    private final Upvotes upvotes;
    private final ModerationService moderation;

    PaperPages(FeedService feed, SimilarPapers similar, SubmissionModule submissions, CommentService comments,
            LibraryPages library, ModerationService moderation, Views views, DateText dates, Upvotes upvotes) {
        this.feed = feed;
        this.moderation = moderation;
        this.similar = similar;
        this.submissions = submissions;
        this.comments = comments;
        this.library = library;
        this.views = views;
        this.dates = dates;
        this.upvotes = upvotes;
    }

    /** A paper by any accepted id form; versioned and prefixed forms redirect to the canonical URL. */
    void paper(Context ctx) {
        ArxivId id = Params.arxivId(ctx);
        if (!id.value().equals(ctx.pathParam("id"))) {
            ctx.redirect(Links.paper(id), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        render(ctx, id, null, null, Optional.empty());
    }

    /**
     * A member claims to be the author of the byline name posted as {@code author}; back to the paper page, which
     * says the claim waits for a moderator. A refused claim shows the page again with the name picked and why.
     */
    void claim(Context ctx) {
        ArxivId id = Params.arxivId(ctx);
        String author = ctx.formParam("author");
        try {
            submissions.claims().claim(Visitor.of(ctx).requireMember(), id, author);
        } catch (SubmissionException e) {
            if (e.code() == SubmissionException.Code.NO_SUCH_PAPER) {
                throw HttpError.notFound(e.getMessage());
            }
            ctx.status(SubmissionPages.status(e.code()));
            render(ctx, id, author, e.getMessage(), Optional.empty());
            return;
        } catch (RateLimitedException e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            render(ctx, id, author, "You have made " + ClaimService.CLAIMS_PER_DAY + " claims today, the most one "
                    + "member may. " + e.getMessage(), Optional.empty());
            return;
        }
        ctx.redirect(Links.paper(id) + "#claim", HttpStatus.SEE_OTHER);
    }

    /** The paper page; with a comment form the server refused, that form shows again with what was typed. */
    void render(Context ctx, ArxivId id, Optional<CommentsView.Refused> refused) {
        render(ctx, id, null, null, refused);
    }

    private void render(Context ctx, ArxivId id, String pickedAuthor, String claimError,
            Optional<CommentsView.Refused> refused) {
        PaperEntry entry = feed.paper(id).orElseThrow(() -> HttpError.notFound("No paper " + id + " here yet."));
        Optional<HiddenPaper> hidden = moderation.hiddenPaper(id);
        if (hidden.isPresent() && !Visitor.of(ctx).isModerator()) {
            ctx.status(HttpStatus.GONE);
            views.render(ctx, "notice.jte", new NoticeView(PageFrame.plain("Hidden paper — Daily Papers"),
                    "arXiv:" + id, "Hidden by a moderator",
                    "This paper was hidden by a moderator and is not listed here any more."));
            return;
        }
        Visitor visitor = Visitor.of(ctx);
        ClaimPanel claim = visitor.member()
                .map(m -> ClaimPanel.member(id, entry.paper().authors(), submissions.claims().claims(id, m.id()),
                        pickedAuthor, claimError))
                .orElseGet(() -> ClaimPanel.anonymous(id));
        PaperMembers members = PaperMembers.of(submissions.submissions().featuredBy(id),
                submissions.claims().confirmedAuthorNames(id), visitor.isModerator(), claim);
        CommentsView.Viewer viewer = new CommentsView.Viewer(visitor.member().map(Member::id),
                visitor.member().filter(Member::isActive).isPresent(), visitor.isModerator());
        views.render(ctx, "paper.jte", PaperView.of(entry, similarOrNone(ctx, entry), members, dates,
                upvotes.hasUpvoted(ctx, id), CommentsView.of(id, comments.thread(id), viewer, refused),
                library.onPaperPage(ctx, id), hidden.map(h -> new PaperView.HiddenNote(h.reason(),
                        DateText.full(h.hiddenAt().atZone(ZoneOffset.UTC).toLocalDate()),
                        ModerationPages.unhideAction(id))).orElse(null)));
    }

    /**
     * The paper's similar papers; none while search is unavailable (a list not yet stored needs the index), so that
     * the page still answers. Such a page is marked no-store: neither the page cache nor a browser keeps it.
     */
    private SimilarPapers.Similar similarOrNone(Context ctx, PaperEntry entry) {
        try {
            return similar.similar(entry, SIMILAR_PAPERS);
        } catch (IndexUnavailableException e) {
            ctx.header(Header.CACHE_CONTROL, "no-store");
            return new SimilarPapers.Similar(List.of(), false);
        }
    }

    void author(Context ctx) {
        String name = ctx.pathParam("name");
        Page<PaperEntry> page = feed.byAuthor(name, Pager.requestedPage(ctx), Pager.PAGE_SIZE);
        if (page.total() == 0) {
            throw HttpError.notFound("No papers by " + Messages.abbreviate(name) + " here.");
        }
        String feedHref = Links.authorFeed(name);
        views.render(ctx, "listing.jte", listing(ctx,
                new PageFrame(name + " — Daily Papers", Section.NONE, List.of(new FeedLink("Papers by " + name,
                        feedHref))),
                new Heading("Author", name, PaperCard.count(page.total(), "paper") + ", newest first.",
                        List.of(new LinkView("Atom feed", feedHref))),
                page, Links.author(name)));
    }

    void category(Context ctx) {
        String category = Params.category("category", ctx.pathParam("category"));
        Page<PaperEntry> page = feed.inCategory(category, Pager.requestedPage(ctx), Pager.PAGE_SIZE);
        if (page.total() == 0) {
            throw HttpError.notFound("No papers in category " + Messages.abbreviate(category) + " here.");
        }
        String feedHref = Links.categoryFeed(category);
        CategoryChip chip = CategoryChip.of(category);
        views.render(ctx, "listing.jte", listing(ctx,
                new PageFrame(chip.label() + " — Daily Papers", Section.NONE, List.of(new FeedLink("Papers in "
                        + chip.label(), feedHref))),
                new Heading(chip.name() == null ? "arXiv category" : "arXiv category " + category,
                        chip.name() == null ? category : chip.name(),
                        PaperCard.count(page.total(), "paper") + ", primary or cross-listed, newest first.",
                        List.of(new LinkView("Atom feed", feedHref))),
                page, Links.category(category)));
    }

    private ListingView listing(Context ctx, PageFrame frame, Heading heading, Page<PaperEntry> page,
            String href) {
        return new ListingView(frame, heading, null, null, null,
                upvotes.mark(ctx, page.items().stream().map(e -> PaperCard.of(e, dates)).toList()),
                Pager.of(page, href), EmptyState.pastTheEnd(href, page.pageCount()));
    }
}
