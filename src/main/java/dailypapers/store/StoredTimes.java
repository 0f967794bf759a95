package dailypapers.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored as ISO-8601 text ({@link Instant#toString()}), which has no fixed number of fraction digits,
 * so two instants within one second do not always compare as text the way they compare as time. A lower bound
 * for a text comparison is therefore taken a whole second early and without fraction.
 */
final class StoredTimes {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StoredTimes() {
    }

    /** A text bound {@code b} such that every stored instant at or after {@code since} compares {@code >= b}. */
    static String lowerBound(Instant since) {
        return since.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
    }

    /**
     * The instant as ISO-8601 text with exactly three fraction digits, which {@link Instant#parse} reads back: for
     * columns a listing orders by, where text order must be time order.
     */
    static String sortable(Instant at) {
        return FIXED_WIDTH.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}
