package dailypapers.comment;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment as stored.
 *
 * @param source       the Markdown as typed, empty once deleted
 * @param html         the sanitized HTML made from {@code source} when it was written, empty once deleted
 * @param hiddenReason the moderator's reason, when {@link CommentState#HIDDEN}
 * @param editedAt     when the author last changed the text
 */
public record Comment(long id, ArxivId paperId, Optional<Long> parentId, Commenter author, String source,
        String html, CommentState state, Optional<String> hiddenReason, Instant createdAt,
        Optional<Instant> editedAt) {

    public Comment {
        Objects.requireNonNull(paperId);
        Objects.requireNonNull(parentId);
        Objects.requireNonNull(author);
        Objects.requireNonNull(source);
        Objects.requireNonNull(html);
        Objects.requireNonNull(state);
        Objects.requireNonNull(hiddenReason);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(editedAt);
    }

    public boolean isVisible() {
        return state == CommentState.VISIBLE;
    }

    public boolean isBy(long memberId) {
        return author.memberId() == memberId;
    }
}
