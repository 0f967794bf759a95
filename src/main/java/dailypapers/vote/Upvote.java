package dailypapers.vote;

import dailypapers.paper.PaperEntry;
import java.time.Instant;

/** A paper a member upvoted, and when. */
public record Upvote(PaperEntry entry, Instant upvotedAt) {
}
