package dailypapers.takeout;

import java.util.List;

/**
 * Everything a member put into the instance, as they download it: plain values only (instants as ISO-8601 UTC text,
 * absent ones null), so that it serialises as the same JSON everywhere. {@code format} and {@code version} say what
 * the document is and which shape it has; a new field raises no version, a changed or removed one does.
 *
 * @param subscription the digest subscription of the member's address (or the one they made signed in), or null
 */
public record Takeout(String format, int version, String exportedAt, Account account, List<ApiToken> apiTokens,
        List<Upvote> upvotes, List<WrittenComment> comments, Library library, Subscription subscription,
        List<Submission> submissions, List<AuthorClaim> authorClaims) {

    public static final String FORMAT = "dailypapers-member-data";
    public static final int VERSION = 1;

    /** @param preferences what the member chose about their public profile */
    public record Account(long id, String email, String emailVerifiedAt, String handle, String displayName,
            String role, String state, String createdAt, String suspendedUntil, Preferences preferences) {
    }

    public record Preferences(boolean showUpvotesOnProfile) {
    }

    /** A personal access token's label and use; never its secret, which the instance does not keep. */
    public record ApiToken(String name, String scope, String createdAt, String lastUsedAt) {
    }

    /** @param title null when the paper is no longer stored */
    public record Upvote(String paperId, String title, String upvotedAt) {
    }

    /**
     * @param text the Markdown as the member wrote it (last edited); empty once they deleted the comment
     * @param state visible, deleted or hidden (by a moderator, for {@code hiddenReason})
     */
    public record WrittenComment(long id, String paperId, String title, Long parentId, String text, String state,
            String hiddenReason, String createdAt, String editedAt) {
    }

    /** @param saved every saved paper, collected or not */
    public record Library(List<SavedPaper> saved, List<Collection> collections) {
    }

    /** @param addedAt when it was saved to the library, or added to the collection */
    public record SavedPaper(String paperId, String title, String addedAt) {
    }

    public record Collection(long id, String name, String visibility, String createdAt, String updatedAt,
            List<SavedPaper> papers) {
    }

    public record Subscription(String email, String cadence, String timeZone, String state, String stateReason,
            List<Topic> topics, String createdAt, String confirmedAt, String lastDigestAt, String nextDueAt) {
    }

    /** @param value a category, author name or search; empty for the library topic */
    public record Topic(String kind, String value) {
    }

    public record Submission(long id, String paperId, String title, String day, String submittedAt, String hiddenAt,
            String hiddenReason) {
    }

    public record AuthorClaim(long id, String paperId, String title, String authorName, String state,
            String createdAt, String decidedAt) {
    }
}
