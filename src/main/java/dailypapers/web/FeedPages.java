package dailypapers.web;

import dailypapers.feed.FeedService;
import dailypapers.feed.Page;
import dailypapers.feed.Period;
import dailypapers.feed.TrendingScore;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.submission.MemberName;
import dailypapers.submission.SubmissionService;
import dailypapers.thumbnail.Thumbnail;
import dailypapers.thumbnail.ThumbnailService;
import dailypapers.web.ListingView.CategoryFilter;
import dailypapers.web.ListingView.EmptyState;
import dailypapers.web.ListingView.Heading;
import dailypapers.web.ListingView.PeriodNav;
import dailypapers.web.ListingView.Step;
import dailypapers.web.ListingView.Steps;
import dailypapers.web.ListingView.Tab;
import dailypapers.web.PageFrame.FeedLink;
import dailypapers.web.PageFrame.Section;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** HTML listings: home (latest featured day), day, week, month, trending, New, about. */
final class FeedPages {

    private final FeedService feed;
    private final ThumbnailService thumbnails;
    private final SubmissionService submissions;
    private final Views views;
    private final DateText dates;
    private final Upvotes upvotes;
    private final SharedViews<ListingView> listings;

    FeedPages(FeedService feed, ThumbnailService thumbnails, SubmissionService submissions, Views views,
            DateText dates, Upvotes upvotes, SharedViews<ListingView> listings) {
        this.feed = feed;
        this.thumbnails = thumbnails;
        this.submissions = submissions;
        this.views = views;
        this.dates = dates;
        this.upvotes = upvotes;
        this.listings = listings;
    }

    void home(Context ctx) {
        views.render(ctx, "listing.jte", marked(ctx, () -> feed.latestFeaturedDay()
                .map(latest -> featured(ctx, Period.day(latest), true)).orElseGet(this::nothingFeatured)));
    }

    void day(Context ctx) {
        views.render(ctx, "listing.jte", marked(ctx, () -> featured(ctx, period(ctx, "date", Period::parseDay),
                false)));
    }

    /** The day picker's GET form: on to that day's listing, or a 400 naming {@code date}. */
    void goToDay(Context ctx) {
        LocalDate day = Params.period("date", Params.optional(ctx, "date").orElse(""), Period::parseDay).from();
        ctx.redirect(Links.day(day), HttpStatus.SEE_OTHER);
    }

    void week(Context ctx) {
        views.render(ctx, "listing.jte", marked(ctx, () -> featured(ctx, period(ctx, "week", Period::parseWeek),
                false)));
    }

    void month(Context ctx) {
        views.render(ctx, "listing.jte", marked(ctx, () -> featured(ctx, period(ctx, "month", Period::parseMonth),
                false)));
    }

    void trending(Context ctx) {
        int page = Pager.requestedPage(ctx);
        Page<FeedService.Trending> ranked = feed.trending(page, Pager.PAGE_SIZE);
        // Papers ranked means a featured day exists; only an empty ranking needs to ask.
        EmptyState empty = ranked.total() > 0 || feed.latestFeaturedDay().isPresent()
                ? EmptyState.pastTheEnd(Links.trending(), ranked.pageCount()) : nothingFeaturedState();
        Heading heading = new Heading("Trending", "Trending papers",
                "Papers featured in the last " + PaperCard.count(TrendingScore.WINDOW_DAYS, "day")
                        + ", ranked by " + AboutView.formula() + ".",
                List.of(new LinkView("How ranking works", Links.about()),
                        new LinkView("Atom feed", Links.trendingFeed())));
        views.render(ctx, "listing.jte", new ListingView(
                new PageFrame("Trending papers — Daily Papers", Section.TRENDING, List.of(PageFrame.trendingFeed())),
                heading, null, null, null,
                upvotes.mark(ctx, featuredCards(ranked.items().stream()
                        .map(t -> PaperCard.of(t.entry(), dates, t.score())).toList())),
                Pager.of(ranked, Links.trending()), empty));
    }

    void newest(Context ctx) {
        Optional<String> category = Params.optionalCategory(ctx);
        Optional<LocalDate> day = feed.latestPublishedDay(category);
        if (day.isPresent()) {
            views.render(ctx, "listing.jte", published(ctx, day.get(), category, true));
            return;
        }
        EmptyState empty = category.isEmpty() ? EmptyState.EMPTY_INSTANCE
                : new EmptyState("No papers in " + category.get(),
                        List.of("No paper here is listed in the arXiv category " + category.get() + "."), null,
                        List.of(new LinkView("All new papers", Links.newest(Optional.empty()))));
        views.render(ctx, "listing.jte", new ListingView(
                new PageFrame("New papers — Daily Papers", Section.NEW, List.of(newFeed(category))),
                new Heading("New on arXiv", "New papers", "Papers by publication date, featured or not.",
                        List.of()),
                null, null,
                filter(Links.newest(Optional.empty()), category, List.of()), List.of(), null, empty));
    }

    void newOn(Context ctx) {
        LocalDate day = period(ctx, "date", Period::parseDay).from();
        views.render(ctx, "listing.jte", published(ctx, day, Params.optionalCategory(ctx), false));
    }

    void about(Context ctx) {
        views.render(ctx, "about.jte", AboutView.of(feed.trending(0, 1).items().stream().findFirst().orElse(null)));
    }

    /**
     * A listing as anyone sees it, built once per data version for all visitors ({@link SharedViews}), with this
     * visitor's upvotes marked (one query for the page's papers).
     */
    private ListingView marked(Context ctx, Supplier<ListingView> build) {
        ListingView shared = listings.get(ctx, build);
        return shared.withCards(upvotes.mark(ctx, shared.cards()));
    }

    /** A day, week or month of Daily Papers, most upvoted first, as anyone sees it. */
    private ListingView featured(Context ctx, Period period, boolean isHome) {
        FeedService.Listing listing = feed.featured(period, Pager.requestedPage(ctx), Pager.PAGE_SIZE);
        String noun = period.kind().name().toLowerCase(Locale.ROOT);
        Steps steps = steps(listing.previous(), listing.next(), noun, DateText::label, Links::period);
        int total = listing.page().total();
        if (total == 0 && steps.isEmpty()) {
            return nothingFeatured();
        }
        boolean isOneDay = period.kind() == Period.Kind.DAY;
        String href = Links.period(period);
        String label = DateText.label(period);
        String in = isOneDay ? "on " : "in ";
        // Home follows the latest day, and so does its feed; a day, week or month has a feed of its own.
        FeedLink periodFeed = isHome ? new FeedLink("Daily Papers — latest day", Links.latestDayFeed())
                : new FeedLink("Daily Papers — " + label, Links.periodFeed(period));
        // Day, week and month views around one day: a day's own, or a week's or month's newest with papers.
        LocalDate anchor = isOneDay ? period.from() : feed.latestFeaturedDayIn(period).orElse(period.from());
        Period month = Period.monthOf(anchor);
        List<LinkView> links = isOneDay
                ? List.of(new LinkView("Atom feed", periodFeed.href()),
                        new LinkView("Calendar of " + DateText.label(month), Links.calendar(month)))
                : List.of(new LinkView("Atom feed of this " + noun, periodFeed.href()));
        Heading heading = new Heading(isOneDay ? "Daily Papers" : "Daily Papers of the " + noun,
                DateText.heading(period),
                total == 0 ? "Nothing was featured " + in + "this " + noun + "."
                        : PaperCard.count(total, "paper") + " featured " + in + "this " + noun
                                + ", most upvoted first.",
                links);
        EmptyState empty = total > 0 ? EmptyState.pastTheEnd(href, listing.page().pageCount())
                : new EmptyState("No papers featured " + in + label,
                        List.of("Papers appear here on the days the community features them. The nearest "
                                + noun + "s with papers:"),
                        null, stepLinks(steps));
        CalendarView calendar = period.kind() == Period.Kind.MONTH
                ? CalendarView.of(period, feed.featuredCounts(period), dates.today()) : null;
        PeriodNav periods = new PeriodNav(List.of(
                new Tab("Day", Links.day(anchor), period.kind() == Period.Kind.DAY),
                new Tab("Week", Links.period(Period.weekOf(anchor)), period.kind() == Period.Kind.WEEK),
                new Tab("Month", Links.period(month), period.kind() == Period.Kind.MONTH)),
                anchor.toString(), calendar);
        return new ListingView(
                new PageFrame("Daily Papers — " + label, Section.DAILY, List.of(periodFeed, PageFrame.trendingFeed())),
                heading, periods, steps, null, featuredCards(cards(listing.page().items())),
                Pager.of(listing.page(), href), empty);
    }

    /** Papers published on one day, featured or not, optionally in one category. */
    private ListingView published(Context ctx, LocalDate day, Optional<String> category, boolean isLatest) {
        int page = Pager.requestedPage(ctx);
        FeedService.DayListing listing = feed.published(day, category, page, Pager.PAGE_SIZE);
        String href = Links.newOn(day, category);
        Steps steps = steps(listing.previous(), listing.next(), "day", DateText::full,
                d -> Links.newOn(d, category));
        String in = category.map(c -> " in " + c).orElse("");
        int total = listing.page().total();
        EmptyState empty = total > 0 ? EmptyState.pastTheEnd(href, listing.page().pageCount())
                : new EmptyState("No papers published on " + DateText.full(day) + in,
                        List.of("New lists papers by the day arXiv published them. The nearest days with papers"
                                + in + ":"),
                        null, stepLinks(steps));
        List<String> suggestions = listing.page().items().stream()
                .flatMap(e -> e.paper().categories().stream()).distinct().sorted().toList();
        String action = isLatest ? Links.newest(Optional.empty()) : Links.newOn(day, Optional.empty());
        return new ListingView(
                new PageFrame("New papers" + in + " — " + DateText.full(day) + " — Daily Papers", Section.NEW,
                        List.of(newFeed(category))),
                new Heading("New on arXiv", "Published " + DateText.weekday(day) + in,
                        total == 0 ? "Nothing was published" + in + " on this day."
                                : PaperCard.count(total, "paper") + ", featured or not, newest arXiv id first.",
                        List.of(new LinkView("Atom feed", Links.newFeed(category)))),
                null, steps, filter(action, category, suggestions),
                upvotes.mark(ctx, cards(listing.page().items())), Pager.of(listing.page(), href), empty);
    }

    /** What the home page says when no day has featured papers. */
    private ListingView nothingFeatured() {
        EmptyState empty = nothingFeaturedState();
        return new ListingView(new PageFrame("Daily Papers", Section.DAILY, List.of(PageFrame.trendingFeed())),
                new Heading("Daily Papers", empty.equals(EmptyState.EMPTY_INSTANCE) ? "Welcome to Daily Papers"
                        : "Daily Papers", "Research papers featured each day, ranked by the community.", List.of()),
                null, null, null, List.of(), null, empty);
    }

    /** Why no paper is featured, and what to do about it: import some, or look at New. */
    private EmptyState nothingFeaturedState() {
        if (feed.latestPublishedDay(Optional.empty()).isEmpty()) {
            return EmptyState.EMPTY_INSTANCE;
        }
        return new EmptyState("No featured papers yet",
                List.of("This instance holds papers, but none has been featured on Daily Papers yet. Papers are"
                        + " featured by the Hugging Face daily date in imported files, or when members submit"
                        + " them. Every paper appears in New by its publication date."),
                null, List.of(new LinkView("New papers", Links.newest(Optional.empty()))));
    }

    /** "← previous day" and "next day →" (or week, month) to the nearest listings with papers. */
    private static <T> Steps steps(Optional<T> previous, Optional<T> next, String noun,
            Function<T, String> detail, Function<T, String> href) {
        return new Steps(
                previous.map(p -> new Step("← previous " + noun, detail.apply(p), href.apply(p))).orElse(null),
                next.map(n -> new Step("next " + noun + " →", detail.apply(n), href.apply(n))).orElse(null));
    }

    private static List<LinkView> stepLinks(Steps steps) {
        return Stream.of(steps.previous(), steps.next()).filter(Objects::nonNull)
                .map(s -> new LinkView(s.label() + " (" + s.detail() + ")", s.href())).toList();
    }

    private static CategoryFilter filter(String action, Optional<String> category, List<String> suggestions) {
        return new CategoryFilter(action, category.orElse(""), suggestions,
                category.isPresent() ? action : null);
    }

    private static FeedLink newFeed(Optional<String> category) {
        return new FeedLink("New papers" + category.map(c -> " in " + c).orElse(""), Links.newFeed(category));
    }

    private List<PaperCard> cards(List<PaperEntry> entries) {
        return entries.stream().map(e -> PaperCard.of(e, dates)).toList();
    }

    /** Featured papers' cards with their thumbnails and the members who submitted them, each read in one query. */
    private List<PaperCard> featuredCards(List<PaperCard> cards) {
        Map<ArxivId, MemberName> members = submissions.submitters(cards.stream().map(c -> new ArxivId(c.id()))
                .toList());
        return withThumbnails(cards).stream().map(c -> {
            MemberName member = members.get(new ArxivId(c.id()));
            return member == null ? c : c.withSubmitter(member);
        }).toList();
    }

    /**
     * Featured papers' cards with their thumbnails (or placeholders), read for the whole page in one query. An
     * instance that renders none (thumbnail.enabled off) shows plain cards rather than placeholders that would
     * never fill, unless some card of the page has a thumbnail.
     */
    private List<PaperCard> withThumbnails(List<PaperCard> cards) {
        Map<ArxivId, Thumbnail> found = thumbnails.thumbnails(cards.stream().map(c -> new ArxivId(c.id())).toList());
        if (found.isEmpty() && !thumbnails.isRendering()) {
            return cards;
        }
        return cards.stream().map(c -> c.withThumbnail(Optional.ofNullable(found.get(new ArxivId(c.id()))))).toList();
    }

    /** A day, week or month from the path; a malformed one is a 400 naming the parameter. */
    private static Period period(Context ctx, String name, Function<String, Period> parse) {
        return Params.period(name, ctx.pathParam(name), parse);
    }
}
