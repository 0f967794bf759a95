package dailypapers.web;

import dailypapers.feed.FeedService;
import dailypapers.feed.TrendingScore;
import dailypapers.text.TexText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The /about page: how listings are ranked, with the trending formula and its constants read from
 * {@link TrendingScore}, so the page cannot drift from the code that ranks.
 *
 * @param live the current top trending paper worked through the formula, or null when nothing trends
 */
public record AboutView(PageFrame frame, String gravity, String ageOffsetHours, int windowDays, Example live,
        List<Example> ages) {

    /** Ages at which the fixed example shows how a paper's score falls. */
    private static final List<Integer> EXAMPLE_AGES_HOURS = List.of(0, 6, 24, 48, 96);
    private static final int EXAMPLE_UPVOTES = 50;

    public AboutView {
        ages = List.copyOf(ages);
    }

    /**
     * One score worked out: {@code arithmetic} is the formula with the numbers filled in.
     *
     * @param title the paper's title and {@code href} its page, or null for a made-up paper
     */
    public record Example(String title, String href, int upvotes, String ageHours, String arithmetic,
            String score) {
    }

    /** The upvotes of the made-up paper whose score the table follows through time. */
    public int exampleUpvotes() {
        return EXAMPLE_UPVOTES;
    }

    static AboutView of(FeedService.Trending top, Instant now) {
        Example live = top == null ? null : example(TexText.plain(top.entry().paper().title()),
                Links.paper(top.entry().paper().id()),
                TrendingScore.explain(top.entry().upvotes(), top.entry().featuring().orElseThrow().at(), now));
        List<Example> ages = EXAMPLE_AGES_HOURS.stream()
                .map(h -> example(null, null, TrendingScore.explain(EXAMPLE_UPVOTES,
                        now.minus(Duration.ofHours(h)), now)))
                .toList();
        return new AboutView(new PageFrame("How ranking works — Daily Papers", PageFrame.Section.ABOUT,
                List.of(PageFrame.trendingFeed())), number(TrendingScore.GRAVITY),
                number(TrendingScore.AGE_OFFSET_HOURS), TrendingScore.WINDOW_DAYS, live, ages);
    }

    /** The formula in one line of text, as the trending page summarises it. */
    static String formula() {
        return "upvotes / (hours since featured + " + number(TrendingScore.AGE_OFFSET_HOURS) + ")^"
                + number(TrendingScore.GRAVITY);
    }

    private static Example example(String title, String href, TrendingScore.Explanation explanation) {
        String age = String.format(Locale.ROOT, "%.1f", explanation.ageHours());
        String arithmetic = explanation.upvotes() + " / (" + age + " + " + number(TrendingScore.AGE_OFFSET_HOURS)
                + ")^" + number(TrendingScore.GRAVITY);
        return new Example(title, href, explanation.upvotes(), age, arithmetic, score(explanation.score()));
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    /** 2.0 as "2" and 1.5 as "1.5": the constants as a reader would write them. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
