package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.feed.Page;
import dailypapers.library.BibtexWriter;
import dailypapers.library.ImportReport;
import dailypapers.library.LibraryException;
import dailypapers.library.LibraryService;
import dailypapers.library.PaperCollection;
import dailypapers.library.RisWriter;
import dailypapers.library.Visibility;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.web.CollectionView.CollectionCard;
import dailypapers.web.LibraryView.CollectionForm;
import dailypapers.web.LibraryView.CollectionItem;
import dailypapers.web.LibraryView.SavedCard;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's pages and downloads: saving a paper, the member's library, collections (read by anyone when public,
 * by their owner only when private: a 404 to everyone else, as if it did not exist), the collection picker, BibTeX
 * and RIS exports, BibTeX import, a public collection's Atom feed. Every write acts on the signed-in member's own
 * library only; the service refuses anything else as "no such collection".
 */
final class LibraryPages {

    /** {@code 12} or {@code 12-reading-group}: the id finds the collection, the slug is for people. */
    private static final Pattern REFERENCE = Pattern.compile("([1-9][0-9]{0,17})(?:-[a-z0-9-]*)?");
    private static final String FEED_SUFFIX = ".atom";

    private final LibraryService library;
    private final AtomFeeds feeds;
    private final Views views;
    private final DateText dates;
    private final Clock clock;

    LibraryPages(LibraryService library, AtomFeeds feeds, Views views, DateText dates, Clock clock) {
        this.library = library;
        this.feeds = feeds;
        this.views = views;
        this.dates = dates;
        this.clock = clock;
    }

    /** What a paper page shows a member: the Save toggle and the collection picker; null for anyone else. */
    PaperLibraryView onPaperPage(Context ctx, ArxivId paper) {
        Optional<Member> member = Visitor.of(ctx).member();
        if (member.isEmpty()) {
            return null;
        }
        long memberId = member.get().id();
        String here = Links.paper(paper);
        Set<Long> holding = library.collectionsWith(memberId, paper);
        return new PaperLibraryView(SaveToggle.of(paper, library.isSaved(memberId, paper), here),
                LibraryLinks.place(paper), here, library.collections(memberId).stream()
                        .map(c -> new PaperLibraryView.Choice(c.id(), c.name().value(), holding.contains(c.id())))
                        .toList());
    }

    /** POST /papers/{id}/save with {@code saved=true|false}; back to {@code next}, or JSON for a script. */
    void save(Context ctx) {
        ArxivId paper = Params.arxivId(ctx);
        String saved = ctx.formParam("saved");
        if (!"true".equals(saved) && !"false".equals(saved)) {
            throw HttpError.badParameter("saved", "is true (save the paper) or false (remove it from the library)");
        }
        long member = writer(ctx);
        try {
            if (saved.equals("true")) {
                library.save(member, paper);
            } else {
                library.unsave(member, paper);
            }
        } catch (LibraryException e) {
            throw httpError(e);
        }
        if (wantsJson(ctx)) {
            ctx.json(Map.of("id", paper.value(), "saved", saved.equals("true")));
            return;
        }
        ctx.redirect(SafeRedirect.path(ctx.formParam("next"), Links.paper(paper)), HttpStatus.SEE_OTHER);
    }

    /** POST /papers/{id}/collections: the picker; the paper ends up saved and in exactly the checked collections. */
    void place(Context ctx) {
        ArxivId paper = Params.arxivId(ctx);
        Set<Long> chosen = new HashSet<>();
        for (String value : ctx.formParams("collection")) {
            chosen.add(referenceId(value).orElseThrow(() -> HttpError.badParameter("collection",
                    "is the id of one of your collections")));
        }
        try {
            library.placeIn(writer(ctx), paper, chosen);
        } catch (LibraryException e) {
            throw httpError(e);
        }
        ctx.redirect(SafeRedirect.path(ctx.formParam("next"), Links.paper(paper)), HttpStatus.SEE_OTHER);
    }

    /** GET /library: the member's collections and saved papers. */
    void library(Context ctx) {
        renderLibrary(ctx, CollectionForm.EMPTY);
    }

    /** POST /collections: a new collection; the form comes back with its message when the name is refused. */
    void create(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        boolean isPublic = isPublic(ctx);
        try {
            PaperCollection created = library.create(writer(ctx), name, isPublic ? Visibility.PUBLIC
                    : Visibility.PRIVATE);
            ctx.redirect(LibraryLinks.collection(created), HttpStatus.SEE_OTHER);
        } catch (LibraryException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLibrary(ctx, new CollectionForm(name, isPublic, e.getMessage()));
        }
    }

    /** GET /collections/{ref}: anyone's public collection, or the visitor's own private one. */
    void collection(Context ctx) {
        PaperCollection collection = readable(ctx, ctx.pathParam("ref"));
        if (!ctx.pathParam("ref").equals(collection.reference())) {
            String query = ctx.queryString();
            ctx.redirect(LibraryLinks.collection(collection) + (query == null ? "" : "?" + query),
                    HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        renderCollection(ctx, collection, formOf(collection), null, null);
    }

    /** POST /collections/{ref}/settings: rename, share or unshare. */
    void update(Context ctx) {
        PaperCollection collection = owned(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        boolean isPublic = isPublic(ctx);
        try {
            PaperCollection updated = library.update(writer(ctx), collection.id(), name,
                    isPublic ? Visibility.PUBLIC : Visibility.PRIVATE);
            ctx.redirect(LibraryLinks.collection(updated), HttpStatus.SEE_OTHER);
        } catch (LibraryException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderCollection(ctx, collection, new CollectionForm(name, isPublic, e.getMessage()), null, null);
        }
    }

    /** POST /collections/{ref}/delete: the papers stay in the library. */
    void delete(Context ctx) {
        PaperCollection collection = owned(ctx);
        library.delete(writer(ctx), collection.id());
        ctx.redirect(LibraryLinks.LIBRARY, HttpStatus.SEE_OTHER);
    }

    /** POST /collections/{ref}/remove with {@code paper}: out of the collection, still in the library. */
    void remove(Context ctx) {
        PaperCollection collection = owned(ctx);
        ArxivId paper = ArxivId.tryParse(ctx.formParam("paper"))
                .orElseThrow(() -> HttpError.badParameter("paper", "is an arXiv id"));
        library.remove(writer(ctx), collection.id(), paper);
        ctx.redirect(LibraryLinks.collection(collection), HttpStatus.SEE_OTHER);
    }

    /** POST /collections/{ref}/import: a BibTeX file (field {@code bibtex}); the page shows what became of it. */
    void importBibtex(Context ctx) {
        PaperCollection collection = owned(ctx);
        UploadedFile file = ctx.uploadedFile("bibtex");
        if (file == null || file.size() == 0) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderCollection(ctx, collection, formOf(collection), "Choose a BibTeX file (.bib) to import.", null);
            return;
        }
        if (file.size() > ImportReport.MAX_BYTES) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            renderCollection(ctx, collection, formOf(collection), "That file has " + file.size() / 1024
                    + " KiB; an import takes at most " + ImportReport.MAX_BYTES / 1024 + " KiB.", null);
            return;
        }
        ImportReport report;
        try {
            report = library.importBibtex(writer(ctx), collection.id(), text(file));
        } catch (LibraryException e) {
            if (e.code() != LibraryException.Code.IMPORT_TOO_LARGE) {
                throw httpError(e);
            }
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            renderCollection(ctx, collection, formOf(collection), e.getMessage(), null);
            return;
        }
        PaperCollection updated = library.owned(memberId(ctx), collection.id());
        renderCollection(ctx, updated, formOf(updated), null, report);
    }

    void exportCollectionBibtex(Context ctx) {
        PaperCollection collection = readable(ctx, ctx.pathParam("ref"));
        download(ctx, BibtexWriter.CONTENT_TYPE, fileName(collection) + ".bib",
                BibtexWriter.write(papers(library.allPapers(collection))));
    }

    void exportCollectionRis(Context ctx) {
        PaperCollection collection = readable(ctx, ctx.pathParam("ref"));
        download(ctx, RisWriter.CONTENT_TYPE, fileName(collection) + ".ris",
                RisWriter.write(papers(library.allPapers(collection))));
    }

    void exportLibraryBibtex(Context ctx) {
        download(ctx, BibtexWriter.CONTENT_TYPE, "library.bib",
                BibtexWriter.write(papers(library.allSaved(memberId(ctx)))));
    }

    void exportLibraryRis(Context ctx) {
        download(ctx, RisWriter.CONTENT_TYPE, "library.ris", RisWriter.write(papers(library.allSaved(memberId(ctx)))));
    }

    /** GET /feeds/collections/{ref}.atom: the collection's papers, last added first. */
    void feed(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(FEED_SUFFIX)) {
            throw HttpError.notFound("No such feed: collection feeds end in " + FEED_SUFFIX + ".");
        }
        PaperCollection collection = readable(ctx, file.substring(0, file.length() - FEED_SUFFIX.length()));
        List<PaperEntry> entries = library.papers(collection, 0, AtomFeeds.FEED_SIZE).items();
        feeds.write(ctx, "Daily Papers — collection: " + collection.name(), LibraryLinks.collection(collection),
                entries);
    }

    private void renderLibrary(Context ctx, CollectionForm form) {
        long member = memberId(ctx);
        Page<PaperEntry> page = library.library(member, Pager.requestedPage(ctx), Pager.PAGE_SIZE);
        List<SavedCard> cards = page.items().stream().map(e -> new SavedCard(PaperCard.of(e, dates),
                SaveToggle.of(e.paper().id(), true, Links.page(LibraryLinks.LIBRARY, page.number())))).toList();
        views.render(ctx, "library.jte", new LibraryView(PageFrame.plain("Your library — Daily Papers"),
                PaperCard.count(page.total(), "saved paper") + ", last saved first.",
                library.collections(member).stream().map(CollectionItem::of).toList(), form, cards,
                Pager.of(page, LibraryLinks.LIBRARY),
                List.of(new LinkView("BibTeX", LibraryLinks.libraryExport("bib")),
                        new LinkView("RIS", LibraryLinks.libraryExport("ris")))));
    }

    private void renderCollection(Context ctx, PaperCollection collection, CollectionForm form, String importError,
            ImportReport report) {
        Optional<Long> viewer = Visitor.of(ctx).member().map(Member::id);
        boolean isOwner = viewer.filter(collection::isOwnedBy).isPresent();
        String href = LibraryLinks.collection(collection);
        Page<PaperEntry> page = library.papers(collection, Pager.requestedPage(ctx), Pager.PAGE_SIZE);
        List<CollectionCard> cards = page.items().stream().map(e -> new CollectionCard(PaperCard.of(e, dates),
                isOwner ? e.paper().id().value() : null)).toList();
        String feedHref = LibraryLinks.collectionFeed(collection);
        List<LinkView> links = new ArrayList<>(List.of(
                new LinkView("Export as BibTeX", LibraryLinks.collectionExport(collection, "bib")),
                new LinkView("Export as RIS", LibraryLinks.collectionExport(collection, "ris"))));
        if (collection.isPublic()) {
            links.add(new LinkView("Atom feed", feedHref));
        }
        if (isOwner) {
            links.add(new LinkView("Your library", LibraryLinks.LIBRARY));
        }
        String name = collection.name().value();
        CollectionView.Owner owner = isOwner ? new CollectionView.Owner(href + "/settings", form, href + "/delete",
                href + "/import", importError, href + "/remove", ImportReport.MAX_BYTES / 1024,
                ImportReport.MAX_ENTRIES) : null;
        views.render(ctx, "collection.jte", new CollectionView(
                new PageFrame(name + " — Daily Papers", PageFrame.Section.NONE,
                        collection.isPublic() ? List.of(new PageFrame.FeedLink("Collection " + name, feedHref))
                                : List.of()),
                name, href, collection.isPublic(),
                PaperCard.count(collection.papers(), "paper") + ", last added first.", cards,
                Pager.of(page, href), links, owner, report));
    }

    private static CollectionForm formOf(PaperCollection collection) {
        return new CollectionForm(collection.name().value(), collection.isPublic(), null);
    }

    /** The collection named by the path, if the visitor may read it; a 404 otherwise, whether or not it exists. */
    private PaperCollection readable(Context ctx, String reference) {
        Optional<Long> viewer = Visitor.of(ctx).member().map(Member::id);
        return referenceId(reference).flatMap(id -> library.readable(viewer, id))
                .orElseThrow(() -> HttpError.notFound("No such collection."));
    }

    private PaperCollection owned(Context ctx) {
        long id = referenceId(ctx.pathParam("ref")).orElseThrow(() -> HttpError.notFound("No such collection."));
        try {
            return library.owned(memberId(ctx), id);
        } catch (LibraryException e) {
            throw httpError(e);
        }
    }

    private static Optional<Long> referenceId(String reference) {
        Matcher m = REFERENCE.matcher(reference == null ? "" : reference);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static long memberId(Context ctx) {
        return Visitor.of(ctx).requireMember().id();
    }

    /** The member changing their library: a suspended member keeps reading and exporting it, but changes nothing. */
    private long writer(Context ctx) {
        Member member = Visitor.of(ctx).requireMember();
        if (!member.canPost(clock.instant())) {
            throw HttpError.forbidden("A suspended member cannot change their library until the suspension ends.");
        }
        return member.id();
    }

    private static boolean isPublic(Context ctx) {
        return Visibility.PUBLIC.key().equals(ctx.formParam("visibility"));
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header(Header.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** The library's refusals as HTTP: what the member may not see or has not got is not found. */
    private static HttpError httpError(LibraryException e) {
        return switch (e.code()) {
            case NO_SUCH_COLLECTION, NO_SUCH_PAPER -> HttpError.notFound(e.getMessage());
            case NAME_INVALID, NAME_TAKEN, TOO_MANY_COLLECTIONS -> HttpError.badParameter("name", e.getMessage());
            case IMPORT_TOO_LARGE -> HttpError.badParameter("bibtex", e.getMessage());
        };
    }

    private static void download(Context ctx, String contentType, String fileName, String body) {
        ctx.contentType(contentType)
                .header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .result(body);
    }

    /** A file name from the collection's slug: ASCII letters, digits and hyphens only, so no header escaping. */
    private static String fileName(PaperCollection collection) {
        String reference = collection.reference();
        int dash = reference.indexOf('-');
        return dash < 0 ? "collection-" + reference : reference.substring(dash + 1).toLowerCase(Locale.ROOT);
    }

    /** The upload as text: UTF-8, with any malformed bytes replaced rather than refused. */
    private static String text(UploadedFile file) {
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes(ImportReport.MAX_BYTES);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Paper> papers(List<PaperEntry> entries) {
        return entries.stream().map(PaperEntry::paper).toList();
    }
}
