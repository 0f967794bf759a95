package dailypapers.moderation;

import dailypapers.paper.ArxivId;
import java.time.Instant;

/** A paper a moderator hid, why, by whom and when. */
public record HiddenPaper(ArxivId paper, String reason, long hiddenBy, Instant hiddenAt) {
}
