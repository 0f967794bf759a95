package dailypapers.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an import did: every record read is inserted, updated, unchanged or rejected. Warnings are counted apart:
 * each is a field dropped from a record that was kept (and stored).
 */
public record ImportSummary(long read, long inserted, long updated, long unchanged, long rejected,
        List<Rejection> firstRejections, long warnings, List<ImportWarning> firstWarnings, Duration elapsed) {

    /** How many rejections, and how many warnings, a summary keeps; all of them are reported as they happen. */
    public static final int KEPT_REJECTIONS = 100;

    public ImportSummary {
        firstRejections = List.copyOf(firstRejections);
        firstWarnings = List.copyOf(firstWarnings);
    }

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : read / seconds;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "read %,d, inserted %,d, updated %,d, unchanged %,d, rejected %,d in %.1f s "
                + "(%,.0f records/s); warnings %,d (fields dropped, records kept)", read, inserted, updated, unchanged,
                rejected, elapsed.toMillis() / 1000.0, recordsPerSecond(), warnings);
    }
}
