package dailypapers.comment;

import dailypapers.account.Member;
import dailypapers.comment.CommentException.Code;
import dailypapers.comment.CommentStore.NewComment;
import dailypapers.moderation.AuditLog;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Transactions;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.ratelimit.RateLimiter;
import dailypapers.text.CleanText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Comments and their rules: a member who is neither banned nor suspended posts on a paper or replies to a visible comment on it;
 * only the author edits (a visible comment, while neither banned nor suspended) or deletes; a deleted comment with replies stays as a placeholder so
 * the thread keeps its shape, one without replies goes, and so does a placeholder whose last reply goes; a moderator
 * hides a comment with a reason, logged in the audit log in the same transaction. Posting is rate-limited per
 * member and per client address ({@link CommentSettings}), in the database, so the limits hold across app nodes.
 * Each change runs in one transaction.
 */
public final class CommentService {

    /** A moderator's reason for hiding: shown to everyone, so short. */
    public static final int MAX_REASON_CHARACTERS = 200;

    /** The audit log's name for hiding a comment, and its kind of target. */
    public static final String HIDE_ACTION = "hide-comment";
    public static final String TARGET_KIND = "comment";

    private final CommentStore comments;
    private final Transactions<CommentWrites> transactions;
    private final RateLimiter limiter;
    private final AuditLog auditLog;
    private final CommentSettings settings;
    private final Clock clock;

    public CommentService(CommentStore comments, Transactions<CommentWrites> transactions, RateLimiter limiter,
            AuditLog auditLog, CommentSettings settings, Clock clock) {
        this.comments = comments;
        this.transactions = transactions;
        this.limiter = limiter;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    /** A comment in a thread, in reading order: {@code depth} 0 for a comment on the paper, 1 for a reply… */
    public record Placed(Comment comment, int depth) {
    }

    /**
     * Posts a comment on the paper, or a reply when {@code parentId} is present, from {@code clientAddress}; returns
     * its id. Text that breaks a rule does not count against the rate limits.
     *
     * @throws CommentException     {@code MEMBER_BANNED}, {@code TEXT_EMPTY}, {@code TEXT_TOO_LONG},
     *                              {@code PARENT_NOT_FOUND} or {@code NO_SUCH_PAPER}
     * @throws RateLimitedException when the member or the address posted their limit in this window
     */
    public long post(Member author, String clientAddress, ArxivId paperId, Optional<Long> parentId, String text) {
        requireActive(author);
        CommentText typed = new CommentText(text);
        String html = CommentMarkdown.html(typed);
        limiter.check("comment:member:" + author.id(), settings.perMember(), settings.window());
        limiter.check("comment:ip:" + clientAddress, settings.perAddress(), settings.window());
        return transactions.inTransaction(writes -> {
            CommentStore store = writes.comments();
            parentId.ifPresent(id -> {
                boolean open = store.comment(id).filter(p -> p.paperId().equals(paperId) && p.isVisible())
                        .isPresent();
                if (!open) {
                    throw new CommentException(Code.PARENT_NOT_FOUND,
                            "The comment you replied to is not there any more.");
                }
            });
            return store.add(new NewComment(paperId, parentId, author.id(), typed.value(), html, clock.instant()))
                    .orElseThrow(() -> new CommentException(Code.NO_SUCH_PAPER, "No paper " + paperId + " here."));
        });
    }

    /** Replaces the text of the member's own visible comment; it shows as edited from now on. */
    public void edit(Member author, long commentId, String text) {
        requireActive(author);
        CommentText typed = new CommentText(text);
        String html = CommentMarkdown.html(typed);
        transactions.run(writes -> {
            Comment comment = own(writes.comments(), author, commentId);
            if (!comment.isVisible()) {
                throw new CommentException(Code.NOT_EDITABLE, "A deleted or hidden comment cannot be edited.");
            }
            writes.comments().edit(commentId, typed.value(), html, clock.instant());
        });
    }

    /**
     * Deletes the member's own comment: removed when nothing replies to it, otherwise kept as "[deleted]". A
     * placeholder left without replies by this goes too, up the thread.
     */
    public void delete(Member author, long commentId) {
        transactions.run(writes -> {
            CommentStore store = writes.comments();
            Comment comment = own(store, author, commentId);
            if (comment.state() == CommentState.DELETED) {
                throw noSuchComment(commentId);
            }
            if (store.hasReplies(commentId)) {
                store.markDeleted(commentId);
                return;
            }
            store.remove(commentId);
            Optional<Comment> parent = comment.parentId().flatMap(store::comment);
            while (parent.isPresent() && parent.get().state() == CommentState.DELETED
                    && !store.hasReplies(parent.get().id())) {
                store.remove(parent.get().id());
                parent = parent.get().parentId().flatMap(store::comment);
            }
        });
    }

    /**
     * Hides a comment with a reason that shows in its place, and logs it as {@value #HIDE_ACTION} in the same
     * transaction; the caller has checked the moderator's role.
     */
    public void hide(long commentId, long moderatorId, String reason) {
        String cleaned = CleanText.line(reason == null ? "" : reason);
        if (cleaned.isEmpty() || cleaned.codePointCount(0, cleaned.length()) > MAX_REASON_CHARACTERS) {
            throw new CommentException(Code.REASON_INVALID,
                    "Give a reason of 1 to " + MAX_REASON_CHARACTERS + " characters; it shows in the comment's place.");
        }
        transactions.run(writes -> {
            Comment comment = writes.comments().comment(commentId).filter(c -> c.state() != CommentState.DELETED)
                    .orElseThrow(() -> noSuchComment(commentId));
            writes.comments().hide(comment.id(), moderatorId, cleaned);
            auditLog.record(writes.audit(), moderatorId, HIDE_ACTION, TARGET_KIND, Long.toString(commentId), cleaned);
        });
    }

    public Optional<Comment> comment(long id) {
        return comments.comment(id);
    }

    /**
     * The paper's comments in reading order: each comment followed by its replies, oldest first at every level.
     * Placeholders of deleted comments are included; hidden ones too (pages show the reason).
     */
    public List<Placed> thread(ArxivId paperId) {
        List<Comment> all = comments.onPaper(paperId);
        Map<Long, List<Comment>> replies = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment comment : all) {
            comment.parentId().ifPresentOrElse(
                    parent -> replies.computeIfAbsent(parent, p -> new ArrayList<>()).add(comment),
                    () -> roots.add(comment));
        }
        List<Placed> placed = new ArrayList<>(all.size());
        ArrayList<Placed> stack = new ArrayList<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.add(new Placed(roots.get(i), 0));
        }
        while (!stack.isEmpty()) {
            Placed next = stack.removeLast();
            placed.add(next);
            List<Comment> children = replies.getOrDefault(next.comment().id(), List.of());
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(new Placed(children.get(i), next.depth() + 1));
            }
        }
        return placed;
    }

    /** The paper's visible comments, newest first, for its feed. */
    public List<Comment> latest(ArxivId paperId, int limit) {
        return comments.latestVisible(paperId, limit);
    }

    /** The member's visible comments, newest first, for their profile. */
    public List<Comment> latestBy(long memberId, int limit) {
        return comments.latestVisibleBy(memberId, limit);
    }

    /** Every comment the member wrote, whatever became of it, oldest first: for the export of their data. */
    public List<Comment> writtenBy(long memberId) {
        return comments.writtenBy(memberId);
    }

    /**
     * The members with a visible comment on the paper: for {@code isAuthorParticipating}, true when one of them is
     * a confirmed author of the paper.
     */
    public List<Long> commenters(ArxivId paperId) {
        return comments.commenters(paperId);
    }

    /**
     * Which of these papers have a confirmed author taking part: one of the members a moderator confirmed as its
     * authors has a visible comment on it (the API's {@code isAuthorParticipating}).
     */
    public Set<ArxivId> withAuthorComments(Collection<ArxivId> papers) {
        return comments.withAuthorComments(papers);
    }

    private void requireActive(Member member) {
        if (!member.canPost(clock.instant())) {
            throw new CommentException(Code.MEMBER_BANNED, "A banned or suspended member cannot comment.");
        }
    }

    private static Comment own(CommentStore store, Member author, long commentId) {
        Comment comment = store.comment(commentId).orElseThrow(() -> noSuchComment(commentId));
        if (!comment.isBy(author.id())) {
            throw new CommentException(Code.NOT_AUTHOR, "Only its author can change a comment.");
        }
        return comment;
    }

    private static CommentException noSuchComment(long id) {
        return new CommentException(Code.NO_SUCH_COMMENT, "No comment " + id + " here.");
    }
}
