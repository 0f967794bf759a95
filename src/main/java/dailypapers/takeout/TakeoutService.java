package dailypapers.takeout;

import dailypapers.account.Member;
import dailypapers.comment.Comment;
import dailypapers.comment.CommentService;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionService;
import dailypapers.library.LibraryService;
import dailypapers.library.SavedPaper;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperStore;
import dailypapers.profile.Profile;
import dailypapers.profile.ProfileService;
import dailypapers.submission.Claim;
import dailypapers.submission.ClaimService;
import dailypapers.submission.Submission;
import dailypapers.submission.SubmissionService;
import dailypapers.token.AccessToken;
import dailypapers.token.TokenService;
import dailypapers.vote.VoteService;
import dailypapers.vote.VoteStore.CastVote;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Assembles a member's {@link Takeout} from the features that hold their data, through each one's service: only
 * the member's own rows, every one of them (deleted and hidden comments, hidden submissions, votes on papers hidden
 * since), and the titles of the papers they point at in one lookup.
 */
public final class TakeoutService {

    private final ProfileService profiles;
    private final TokenService tokens;
    private final VoteService votes;
    private final CommentService comments;
    private final LibraryService library;
    private final SubscriptionService subscriptions;
    private final SubmissionService submissions;
    private final ClaimService claims;
    private final PaperStore papers;
    private final Clock clock;

    /** The features whose data a member takes away. */
    public record Sources(ProfileService profiles, TokenService tokens, VoteService votes, CommentService comments,
            LibraryService library, SubscriptionService subscriptions, SubmissionService submissions,
            ClaimService claims) {
    }

    public TakeoutService(Sources sources, PaperStore papers, Clock clock) {
        this.profiles = sources.profiles();
        this.tokens = sources.tokens();
        this.votes = sources.votes();
        this.comments = sources.comments();
        this.library = sources.library();
        this.subscriptions = sources.subscriptions();
        this.submissions = sources.submissions();
        this.claims = sources.claims();
        this.papers = papers;
        this.clock = clock;
    }

    /** Everything {@code member} put into the instance, as of now. */
    public Takeout of(Member member) {
        long id = member.id();
        List<CastVote> cast = votes.votesBy(id);
        List<Comment> written = comments.writtenBy(id);
        List<SavedPaper> saved = library.savedPapers(id);
        List<Submission> submitted = submissions.submissions(id, Integer.MAX_VALUE);
        List<Claim> claimed = claims.claimsBy(id);
        Map<ArxivId, String> titles = papers.titles(Stream.of(cast.stream().map(CastVote::paper),
                written.stream().map(Comment::paperId), saved.stream().map(SavedPaper::paper),
                submitted.stream().map(Submission::paper), claimed.stream().map(Claim::paper))
                .flatMap(ids -> ids).toList());

        // A collection's papers are all in the library (the database keeps that rule), so they have their titles.
        List<Takeout.Collection> collections = library.collections(id).stream().map(c -> new Takeout.Collection(
                c.id(), c.name().value(), c.visibility().key(), c.createdAt().toString(), c.updatedAt().toString(),
                savedPapers(library.collectionPapers(c), titles))).toList();
        return new Takeout(Takeout.FORMAT, Takeout.VERSION, Instant.now(clock).toString(), account(member),
                tokens.tokens(id).stream().map(TakeoutService::token).toList(),
                cast.stream().map(v -> new Takeout.Upvote(v.paper().value(), titles.get(v.paper()),
                        v.at().toString())).toList(),
                written.stream().map(c -> comment(c, titles)).toList(),
                new Takeout.Library(savedPapers(saved, titles), collections),
                subscriptions.ofMember(member).map(TakeoutService::subscription).orElse(null),
                submitted.stream().map(s -> submission(s, titles)).toList(),
                claimed.stream().map(c -> claim(c, titles)).toList());
    }

    private Takeout.Account account(Member member) {
        boolean showsUpvotes = profiles.own(member.id()).map(Profile::showsUpvotes).orElse(false);
        return new Takeout.Account(member.id(), member.email().value(), text(member.emailVerifiedAt()),
                member.handle().value(), member.displayName().value(), member.role().key(), member.state().key(),
                member.createdAt().toString(), text(member.suspendedUntil()), new Takeout.Preferences(showsUpvotes));
    }

    private static Takeout.ApiToken token(AccessToken token) {
        return new Takeout.ApiToken(token.name(), token.scope().key(), token.createdAt().toString(),
                text(token.lastUsedAt()));
    }

    private static Takeout.WrittenComment comment(Comment comment, Map<ArxivId, String> titles) {
        return new Takeout.WrittenComment(comment.id(), comment.paperId().value(), titles.get(comment.paperId()),
                comment.parentId().orElse(null), comment.source(), comment.state().key(),
                comment.hiddenReason().orElse(null), comment.createdAt().toString(), text(comment.editedAt()));
    }

    private static List<Takeout.SavedPaper> savedPapers(List<SavedPaper> saved, Map<ArxivId, String> titles) {
        return saved.stream().map(s -> new Takeout.SavedPaper(s.paper().value(), titles.get(s.paper()),
                s.at().toString())).toList();
    }

    private static Takeout.Submission submission(Submission s, Map<ArxivId, String> titles) {
        return new Takeout.Submission(s.id(), s.paper().value(), titles.get(s.paper()), s.day().toString(),
                s.submittedAt().toString(), text(s.hiddenAt()), s.hiddenReason().orElse(null));
    }

    private static Takeout.AuthorClaim claim(Claim c, Map<ArxivId, String> titles) {
        return new Takeout.AuthorClaim(c.id(), c.paper().value(), titles.get(c.paper()), c.authorName(),
                c.state().key(), c.createdAt().toString(), text(c.decidedAt()));
    }

    private static Takeout.Subscription subscription(Subscription s) {
        return new Takeout.Subscription(s.email(), s.cadence().key(), s.zone().getId(), s.state().key(),
                s.stateReason().orElse(null),
                s.topics().stream().map(t -> new Takeout.Topic(t.kind().key(), t.value())).toList(),
                s.createdAt().toString(), text(s.confirmedAt()), text(s.lastDigestAt()), text(s.nextDueAt()));
    }

    /** An instant (ISO-8601 UTC) or a day (YYYY-MM-DD) as text; null when there is none. */
    private static String text(Optional<? extends TemporalAccessor> time) {
        return time.map(Object::toString).orElse(null);
    }
}
