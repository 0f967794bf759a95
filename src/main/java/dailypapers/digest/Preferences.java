package dailypapers.digest;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** What a subscriber chooses: how often, in which time zone, and which topics (in their order). */
public record Preferences(Cadence cadence, ZoneId zone, List<Topic> topics) {

    public Preferences {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(zone, "zone");
        topics = List.copyOf(topics);
        if (topics.size() > Subscription.MAX_TOPICS) {
            throw new IllegalArgumentException("follow at most " + Subscription.MAX_TOPICS + " topics");
        }
        if (new HashSet<>(topics).size() != topics.size()) {
            throw new IllegalArgumentException("each topic once");
        }
    }
}
