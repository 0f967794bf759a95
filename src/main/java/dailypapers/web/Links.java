package dailypapers.web;

import dailypapers.feed.Period;
import dailypapers.paper.ArxivId;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchMode;
import dailypapers.thumbnail.Thumbnail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/** The site's URL scheme in one place, for templates, feeds and the API alike. */
public final class Links {

    /** The picture of every member, for the API's {@code avatarUrl}: members upload none. */
    static final String DEFAULT_AVATAR = "/assets/avatar.svg";

    private Links() {
    }

    /** Where a member's claim to be one of a paper's authors is posted. */
    public static String claims(ArxivId paper) {
        return paper(paper) + "/claims";
    }

    /** Where a moderator posts a decision on a claim: {@code confirm} or {@code reject}. */
    public static String claimDecision(long claim, String decision) {
        return "/moderation/claims/" + claim + "/" + decision;
    }

    /** Where a moderator posts to hide a member's submission. */
    public static String hideSubmission(long submission) {
        return "/moderation/submissions/" + submission + "/hide";
    }

    /** A member's profile page. */
    public static String member(String handle) {
        return "/members/" + pathSegment(handle);
    }

    public static String paper(ArxivId id) {
        return "/papers/" + id.value();
    }

    /** A paper's thumbnail, its version in the URL so that the image may be cached as immutable. */
    public static String thumbnail(ArxivId id, Thumbnail thumbnail) {
        return "/thumbnails/" + id.value() + ThumbnailFiles.EXTENSION + "?v=" + thumbnail.version();
    }

    public static String author(String name) {
        return "/authors/" + pathSegment(name);
    }

    public static String category(String category) {
        return "/categories/" + pathSegment(category);
    }

    public static String authorFeed(String name) {
        return "/feeds/authors/" + pathSegment(name);
    }

    public static String categoryFeed(String category) {
        return "/feeds/categories/" + pathSegment(category);
    }

    public static String day(LocalDate day) {
        return period(Period.day(day));
    }

    /** The listing of a day, week or month: {@code /papers/date/2026-08-21}, {@code /papers/week/2026-W34}, …. */
    public static String period(Period period) {
        return "/papers/" + name(period.kind()) + "/" + period.key();
    }

    /** A kind of period as paths and parameters name it: date, week or month. */
    private static String name(Period.Kind kind) {
        return switch (kind) {
            case DAY -> "date";
            case WEEK -> "week";
            case MONTH -> "month";
        };
    }

    /** Where the day picker's form goes: {@code ?date=2026-08-21} redirects to that day's listing. */
    public static String dayPicker() {
        return "/papers/date";
    }

    /** The calendar on a month's page. */
    public static String calendar(Period month) {
        return period(month) + "#" + CalendarView.ANCHOR;
    }

    public static String trending() {
        return "/trending";
    }

    /** The latest publication day, optionally in one category. */
    public static String newest(Optional<String> category) {
        return "/new" + categoryQuery(category);
    }

    public static String newOn(LocalDate day, Optional<String> category) {
        return "/new/" + day + categoryQuery(category);
    }

    public static String harvestStatus() {
        return "/admin/harvest";
    }

    public static String about() {
        return "/about";
    }

    /** The Daily Papers feed of the latest featured day, whichever day that is when it is read. */
    public static String latestDayFeed() {
        return "/feeds/daily.atom";
    }

    /** The Daily Papers feed of a day, week or month, as the API names them: {@code ?date=}, {@code ?week=}, …. */
    public static String periodFeed(Period period) {
        return "/feeds/daily.atom?" + name(period.kind()) + "=" + period.key();
    }

    public static String trendingFeed() {
        return "/feeds/trending.atom";
    }

    public static String newFeed(Optional<String> category) {
        return "/feeds/new.atom" + categoryQuery(category);
    }

    /** The search page for a query; the default mode (hybrid) and order (relevance) are left out. */
    public static String search(String query, Optional<SearchMode> mode, ResultOrder order) {
        return "/search?q=" + encode(query) + mode.map(m -> "&mode=" + m.key()).orElse("")
                + (order == ResultOrder.RELEVANCE ? "" : "&sort=" + order.key());
    }

    public static String searchFeed(String query) {
        return "/feeds/search?q=" + encode(query);
    }

    public static String searchApi(String query) {
        return "/api/papers/search?q=" + encode(query);
    }

    public static String paperCommentsFeed(ArxivId id) {
        return "/feeds/papers/" + id.value() + "/comments.atom";
    }

    public static String similarApi(ArxivId id) {
        return "/api/papers/" + id.value() + "/similar";
    }

    /** {@code href} at page {@code page} of its listing; page 0 is the bare listing URL. */
    public static String page(String href, int page) {
        return page == 0 ? href : href + (href.contains("?") ? "&" : "?") + "p=" + page;
    }

    /** An upstream URL if it is http(s), so a stored {@code javascript:} link can never reach an href. */
    public static Optional<String> external(String url) {
        return Optional.ofNullable(url).filter(u -> u.startsWith("https://") || u.startsWith("http://"));
    }

    private static String categoryQuery(Optional<String> category) {
        return category.map(c -> "?category=" + encode(c)).orElse("");
    }

    /** The member sign-in page, which leads back to {@code next} (a path of this site). */
    public static String signIn(String next) {
        return "/sign-in?next=" + encode(next);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Percent-encodes a path segment (spaces as %20, not +). */
    static String pathSegment(String text) {
        return encode(text).replace("+", "%20");
    }
}
