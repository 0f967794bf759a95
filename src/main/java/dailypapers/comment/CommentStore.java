package dailypapers.comment;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where comments are kept (the comment table); the paper's comment count follows its rows in the database. */
public interface CommentStore {

    /** Adds a comment, visible, and returns its id; empty when there is no such paper. */
    Optional<Long> add(NewComment comment);

    Optional<Comment> comment(long id);

    /** Every comment on the paper, deleted and hidden ones included, oldest first (ties by id). */
    List<Comment> onPaper(ArxivId paperId);

    /** The paper's visible comments, newest first (ties by id), at most {@code limit}. */
    List<Comment> latestVisible(ArxivId paperId, int limit);

    /** Whether any comment replies to this one. */
    boolean hasReplies(long id);

    /** Replaces the text of a comment and marks it edited at {@code at}. */
    void edit(long id, String source, String html, Instant at);

    /** Keeps the comment as a "[deleted]" placeholder for its replies: state deleted, text gone. */
    void markDeleted(long id);

    /** Removes a comment (one without replies). */
    void remove(long id);

    void hide(long id, long moderatorId, String reason);

    /** The member's visible comments, newest first (ties by id), at most {@code limit}. */
    List<Comment> latestVisibleBy(long memberId, int limit);

    /** Every comment the member wrote, deleted and hidden ones included, oldest first (ties by id). */
    List<Comment> writtenBy(long memberId);

    /** The members with a visible comment on the paper, by id, ascending. */
    List<Long> commenters(ArxivId paperId);

    /**
     * Which of these papers have a visible comment by one of their confirmed authors (an author claim a moderator
     * confirmed); one query for a whole page.
     */
    Set<ArxivId> withAuthorComments(Collection<ArxivId> papers);

    /** A comment to add; its text is already cleaned and rendered. */
    record NewComment(ArxivId paperId, Optional<Long> parentId, long memberId, String source, String html,
            Instant createdAt) {
    }
}
