package dailypapers.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending formula, and its only home: {@code upvotes / (hours since featured + 2) ^ 1.5}. The /about page
 * prints these constants, so what users read is what ranks.
 */
public final class TrendingScore {

    /** How strongly age pulls a paper down; 1.5 is Hacker News' classic gravity. */
    public static final double GRAVITY = 1.5;
    /** Keeps a paper featured a minute ago from dividing by almost zero. */
    public static final double AGE_OFFSET_HOURS = 2.0;
    /** Only papers featured this many days before the newest featured day compete. */
    public static final int WINDOW_DAYS = 7;

    private TrendingScore() {
    }

    public static double score(int upvotes, Instant featuredAt, Instant now) {
        return explain(upvotes, featuredAt, now).score();
    }

    public static Explanation explain(int upvotes, Instant featuredAt, Instant now) {
        double ageHours = Math.max(0, Duration.between(featuredAt, now).toMillis() / 3_600_000.0);
        double score = upvotes / Math.pow(ageHours + AGE_OFFSET_HOURS, GRAVITY);
        return new Explanation(upvotes, ageHours, score);
    }

    /** The parts of one paper's score, for the /about page and the API. */
    public record Explanation(int upvotes, double ageHours, double score) {
    }
}
