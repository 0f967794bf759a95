package dailypapers.paper;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which featured papers to list: those featured on days in [from, until), optionally only one submitter's, in
 * one of three orders.
 */
public record FeaturedQuery(LocalDate from, LocalDate until, Optional<String> submitter, Order order) {

    /** The earliest and latest days any query can name. */
    public static final LocalDate BEGINNING = LocalDate.of(1991, 1, 1);
    public static final LocalDate END = LocalDate.of(9999, 12, 31);

    public enum Order {
        /** Most upvoted first, then most recently featured, then by id. */
        UPVOTES,
        /** Most recently featured first, then by id. */
        NEWEST,
        /** Highest trending score (the one feed.TrendingScore defines, kept on each featured row) first, then by id. */
        TRENDING
    }

    public FeaturedQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(order, "order");
    }

    public static FeaturedQuery between(LocalDate from, LocalDate until) {
        return new FeaturedQuery(from, until, Optional.empty(), Order.UPVOTES);
    }
}
