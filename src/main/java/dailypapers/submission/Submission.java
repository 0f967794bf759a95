package dailypapers.submission;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A member's submission: the paper, featured on {@code day} at {@code submittedAt}.
 *
 * @param hiddenAt     when a moderator hid it (its featured row is gone then), empty while it shows
 * @param hiddenReason the moderator's reason, empty while it shows
 */
public record Submission(long id, ArxivId paper, long memberId, LocalDate day, Instant submittedAt,
        Optional<Instant> hiddenAt, Optional<String> hiddenReason) {

    public boolean isHidden() {
        return hiddenAt.isPresent();
    }
}
