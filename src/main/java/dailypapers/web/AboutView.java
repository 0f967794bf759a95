package dailypapers.web;

import dailypapers.feed.FeedService;
import dailypapers.feed.TrendingScore;
import dailypapers.text.TexText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The /about page: how listings are ranked, with the trending formula and its constants read from
 * {@link TrendingScore}, so the page cannot drift from the code that ranks.
 *
 * @param epoch    {@link TrendingScore#EPOCH} as the formula names it
 * @param live     the current top trending paper worked through the formula, or null when nothing trends
 * @param matching how many upvotes a paper featured earlier needs to rank level with one of
 *                 {@link #exampleUpvotes()} upvotes
 */
public record AboutView(PageFrame frame, String hoursPerTenfold, String epoch, int windowDays, Example live,
        List<Match> matching) {

    /** How much earlier the papers of the matching table were featured. */
    private static final List<Integer> EXAMPLE_HOURS_EARLIER = List.of(0, 24, 48, 96, 168);
    private static final int EXAMPLE_UPVOTES = 10;
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public AboutView {
        matching = List.copyOf(matching);
    }

    /**
     * One score worked out: {@code arithmetic} is the formula with the numbers filled in.
     *
     * @param featured when the paper was featured, as "2026-08-21 00:00 UTC"
     */
    public record Example(String title, String href, int upvotes, String featured, String arithmetic,
            String score) {
    }

    /** A paper featured {@code hoursEarlier} hours before needs {@code upvotes} upvotes to rank level. */
    public record Match(int hoursEarlier, String upvotes) {
    }

    /** The upvotes of the made-up paper that the matching table compares earlier papers with. */
    public int exampleUpvotes() {
        return EXAMPLE_UPVOTES;
    }

    static AboutView of(FeedService.Trending top) {
        Example live = top == null ? null : example(TexText.plain(top.entry().paper().title()),
                Links.paper(top.entry().paper().id()), top.entry().featuring().orElseThrow().at(),
                top.entry().upvotes());
        List<Match> matching = EXAMPLE_HOURS_EARLIER.stream()
                .map(h -> new Match(h, decimals(TrendingScore.upvotesToMatch(EXAMPLE_UPVOTES, h), 1)))
                .toList();
        return new AboutView(new PageFrame("How ranking works — Daily Papers", PageFrame.Section.ABOUT,
                List.of(PageFrame.trendingFeed())), number(TrendingScore.HOURS_PER_TENFOLD),
                INSTANT.format(TrendingScore.EPOCH), TrendingScore.WINDOW_DAYS, live, matching);
    }

    /** The formula in one line of text, as the trending page summarises it. */
    static String formula() {
        return "log10(upvotes + 1) + (hours from " + INSTANT.format(TrendingScore.EPOCH) + " to featured) / "
                + number(TrendingScore.HOURS_PER_TENFOLD);
    }

    private static Example example(String title, String href, Instant featuredAt, int upvotes) {
        TrendingScore.Explanation explanation = TrendingScore.explain(upvotes, featuredAt);
        String arithmetic = "log10(" + upvotes + " + 1) + " + decimals(explanation.featuredHours(), 4) + " / "
                + number(TrendingScore.HOURS_PER_TENFOLD) + " = " + score(explanation.votes()) + " + "
                + score(explanation.time());
        return new Example(title, href, upvotes, INSTANT.format(featuredAt), arithmetic,
                score(explanation.score()));
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    /** 48.0 as "48" and 1.5 as "1.5": the constants as a reader would write them. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** At most {@code places} decimals, without trailing zeros: 59,016 hours as "59016", a quarter past as ".25". */
    private static String decimals(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
