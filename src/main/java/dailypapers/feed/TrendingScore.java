package dailypapers.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The trending formula, and its only home:
 * {@code log10(upvotes + 1) + (hours from EPOCH to featured) / HOURS_PER_TENFOLD}. The /about page prints these
 * constants, so what users read is what ranks.
 *
 * <p>The score does not depend on the time it is read, only on a paper's upvotes and the instant it was featured:
 * the store keeps it on each featured row, written with every change to either, and trending is a walk down an
 * index of it. Ageing is relative instead: each {@link #HOURS_PER_TENFOLD} hours a later paper is featured count
 * as much as ten times the votes (as in Reddit's "hot"). The {@code + 1} keeps a paper without votes at a finite
 * score and ranks one vote above none.
 */
public final class TrendingScore {

    /**
     * A paper featured this many hours after another ranks level with it on a tenth of its votes (counting the
     * {@code + 1}): one day is worth about 3.2 times the votes. Chosen on the 81,070-paper corpus: of the values
     * tried (12 to 96 hours), 48 kept the top ten closest to what the former time-decayed score showed (90% the same
     * papers, averaged over the last 150 featured days and three times of day).
     */
    public static final double HOURS_PER_TENFOLD = 48;
    /** Where featured hours are counted from. Any instant ranks the same; a recent one keeps the scores short. */
    public static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    /** Only papers featured this many days up to the newest featured day compete. */
    public static final int WINDOW_DAYS = 7;

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private TrendingScore() {
    }

    public static double score(int upvotes, Instant featuredAt) {
        return explain(upvotes, featuredAt).score();
    }

    public static Explanation explain(int upvotes, Instant featuredAt) {
        // Whole milliseconds, as the API prints instants, so a client can recompute a score from what it reads.
        double featuredHours = ChronoUnit.MILLIS.between(EPOCH, featuredAt) / MILLIS_PER_HOUR;
        double votes = Math.log10(upvotes + 1.0);
        double time = featuredHours / HOURS_PER_TENFOLD;
        return new Explanation(upvotes, featuredHours, votes, time, votes + time);
    }

    /**
     * How many upvotes a paper featured {@code hoursEarlier} hours before one with {@code upvotes} needs to rank
     * level with it (a real number: upvotes come whole, so it ranks above with the next whole number).
     */
    public static double upvotesToMatch(int upvotes, double hoursEarlier) {
        return (upvotes + 1.0) * Math.pow(10, hoursEarlier / HOURS_PER_TENFOLD) - 1;
    }

    /**
     * The parts of one paper's score, for the /about page.
     *
     * @param featuredHours hours from {@link #EPOCH} to the instant the paper was featured
     * @param votes         {@code log10(upvotes + 1)}
     * @param time          {@code featuredHours / HOURS_PER_TENFOLD}
     */
    public record Explanation(int upvotes, double featuredHours, double votes, double time, double score) {
    }
}
