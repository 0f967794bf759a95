package dailypapers.web;

import dailypapers.feed.FeedService;
import dailypapers.feed.Period;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchHit;
import dailypapers.search.SearchService;
import dailypapers.text.CleanText;
import dailypapers.text.TexText;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Atom (RFC 4287) feeds for every listing; the XML writer escapes all upstream text, and {@link CleanText} drops
 * the characters a page never shows (which include every character XML 1.0 cannot carry) from rows stored
 * before import cleaned them.
 */
final class AtomFeeds {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int FEED_SIZE = 50;
    static final String STYLESHEET = "/assets/feed.xsl";
    /**
     * Added to a feed's Content-Security-Policy: browsers load an XSLT stylesheet under script-src-elem (else
     * script-src, else default-src 'none'); allowing our own origin's lets the page render, and the stylesheet
     * puts no script in it.
     */
    static final String STYLESHEET_POLICY = "; script-src-elem 'self'";

    private final FeedService feed;
    private final SearchService search;
    private final Clock clock;

    AtomFeeds(FeedService feed, SearchService search, Clock clock) {
        this.feed = feed;
        this.search = search;
        this.clock = clock;
    }

    /** A day's ({@code ?date=}), week's ({@code ?week=}) or month's ({@code ?month=}) papers, or the latest day's. */
    void daily(Context ctx) {
        Optional<Period> period = Params.optionalPeriod(ctx).or(() -> feed.latestFeaturedDay().map(Period::day));
        List<PaperEntry> entries = period.map(p -> feed.featuredSlice(FeaturedQuery.between(p.from(), p.until()), 0,
                FEED_SIZE).items()).orElse(List.of());
        String title = period.map(p -> "Daily Papers — " + p.key()).orElse("Daily Papers");
        write(ctx, title, period.map(Links::period).orElse("/"), entries);
    }

    void trending(Context ctx) {
        List<PaperEntry> entries = feed.trending(0, FEED_SIZE).items().stream().map(FeedService.Trending::entry)
                .toList();
        write(ctx, "Daily Papers — trending", Links.trending(), entries);
    }

    void newest(Context ctx) {
        Optional<String> category = Params.optionalCategory(ctx);
        Optional<LocalDate> day = feed.latestPublishedDay(category);
        List<PaperEntry> entries = day.map(d -> feed.publishedSlice(d, category, 0, FEED_SIZE).items())
                .orElse(List.of());
        write(ctx, "Daily Papers — new" + category.map(c -> " in " + c).orElse(""),
                Links.newest(category), entries);
    }

    void category(Context ctx) {
        String category = Params.category("category", ctx.pathParam("category"));
        write(ctx, "Daily Papers — " + category, Links.category(category),
                feed.inCategorySlice(category, 0, FEED_SIZE).items());
    }

    void author(Context ctx) {
        String name = ctx.pathParam("name");
        write(ctx, "Daily Papers — papers by " + name, Links.author(name),
                feed.byAuthorSlice(name, 0, FEED_SIZE).items());
    }

    /** A saved search: the newest matching papers first (or {@code sort=relevance|upvotes}). */
    void search(Context ctx) {
        String query = SearchPages.query(ctx, true);
        var result = SearchPages.run(search, query, SearchPages.mode(ctx), SearchPages.order(ctx, ResultOrder.DATE),
                0, FEED_SIZE);
        write(ctx, "Daily Papers — search: " + query, Links.search(query, Optional.empty(),
                ResultOrder.DATE), result.hits().stream().map(SearchHit::entry).toList());
    }

    void write(Context ctx, String title, String alternatePath, List<PaperEntry> entries) {
        write(ctx, title, alternatePath, entries.stream().map(AtomFeeds::updated).max(Comparator.naturalOrder())
                .orElse(Instant.now(clock)), (xml, base) -> {
                    for (PaperEntry entry : entries) {
                        writeEntry(xml, base, entry);
                    }
                });
    }

    /** Writes a feed's entries; {@code base} is the instance's origin, for absolute links. */
    interface Entries {
        void write(XMLStreamWriter xml, String base) throws XMLStreamException;
    }

    /** A feed around {@code entries}: its head (id, title, links, stylesheet), and the type a reader expects. */
    static void write(Context ctx, String title, String alternatePath, Instant updated, Entries entries) {
        String base = ctx.scheme() + "://" + ctx.host();
        String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            // A browser opening the feed shows it through this stylesheet as a page; feed readers ignore it.
            xml.writeProcessingInstruction("xml-stylesheet", "type=\"text/xsl\" href=\"" + STYLESHEET + "\"");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", self);
            element(xml, "title", title);
            element(xml, "updated", updated.toString());
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", base + alternatePath, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Daily Papers");
            xml.writeEndElement();
            element(xml, "generator", "Daily Papers");
            entries.write(xml, base);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Atom feed", e);
        }
        // Chromium shows application/atom+xml as plain text, so a browser asking for a page gets the same document
        // as application/xml, which it renders through the stylesheet; feed readers get the Atom type.
        boolean isBrowser = Optional.ofNullable(ctx.header(Header.ACCEPT)).filter(a -> a.contains("text/html"))
                .isPresent();
        ctx.contentType((isBrowser ? "application/xml" : "application/atom+xml") + "; charset=utf-8")
                .result(out.toString());
    }

    private static void writeEntry(XMLStreamWriter xml, String base, PaperEntry entry) throws XMLStreamException {
        Paper paper = entry.paper();
        xml.writeStartElement("entry");
        element(xml, "id", paper.id().absUrl());
        element(xml, "title", TexText.plain(paper.title()));
        link(xml, "alternate", base + Links.paper(paper.id()), "text/html");
        link(xml, "related", paper.id().pdfUrl(), "application/pdf");
        element(xml, "published", paper.published().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        element(xml, "updated", updated(entry).toString());
        for (String author : paper.authors().isEmpty() ? List.of("Unknown") : paper.authors()) {
            xml.writeStartElement("author");
            element(xml, "name", author);
            xml.writeEndElement();
        }
        for (String category : paper.categories()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", category);
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(CleanText.clean(TexText.plain(paper.abstractText()) + " ("
                + PaperCard.upvoteLabel(entry.upvotes()) + ")"));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The latest thing that happened to a paper: its featuring, its revision or its publication. */
    private static Instant updated(PaperEntry entry) {
        LocalDate revised = entry.paper().updated() == null ? entry.paper().published() : entry.paper().updated();
        Instant paperTime = revised.atStartOfDay(ZoneOffset.UTC).toInstant();
        return entry.featuring().map(f -> f.at().isAfter(paperTime) ? f.at() : paperTime).orElse(paperTime);
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(CleanText.clean(text));
        xml.writeEndElement();
    }

    static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
