package dailypapers.paper;

import java.time.Instant;

/** What ranking a featured paper by time-decayed votes needs, and nothing more: a narrow row per paper. */
public record FeaturedVotes(ArxivId id, int upvotes, Instant featuredAt) {
}
