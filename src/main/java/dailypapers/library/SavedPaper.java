package dailypapers.library;

import dailypapers.paper.ArxivId;
import java.time.Instant;

/** A paper in a library or a collection, and when it was put there. */
public record SavedPaper(ArxivId paper, Instant at) {
}
