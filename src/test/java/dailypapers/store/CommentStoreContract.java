package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.comment.Comment;
import dailypapers.comment.CommentException;
import dailypapers.comment.CommentService;
import dailypapers.comment.CommentService.Placed;
import dailypapers.comment.CommentSettings;
import dailypapers.comment.CommentWrites;
import dailypapers.comment.CommentState;
import dailypapers.ingest.TestClock;
import dailypapers.moderation.AuditLog;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the comment rules and {@link JdbiCommentStore} do together, through {@link CommentService} over real
 * transactions; run against SQLite and PostgreSQL.
 */
abstract class CommentStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String ADDRESS = "192.0.2.1";

    private TestClock clock;
    private JdbiPaperStore papers;
    private JdbiAccountStore accounts;
    private JdbiCommentStore store;
    private AuditLog auditLog;
    private CommentService comments;
    private ArxivId paper;
    private Member ada;
    private Member bob;

    protected CommentStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        clock = new TestClock(T0);
        papers = new JdbiPaperStore(database(), clock);
        accounts = new JdbiAccountStore(database());
        store = new JdbiCommentStore(database());
        auditLog = new AuditLog(new JdbiAuditStore(database()), clock);
        comments = service(new CommentSettings(10, 30, Duration.ofMinutes(10)));
        paper = newPaper();
        ada = member("ada");
        bob = member("bob");
    }

    @Test
    void aThreadListsRepliesUnderTheirParentOldestFirstAtEveryLevel() {
        long first = post(ada, "first");
        long second = post(bob, "second");
        long reply = reply(bob, first, "reply to first");
        long nested = reply(ada, reply, "reply to the reply");
        long laterReply = reply(ada, first, "later reply to first");

        assertThat(comments.thread(paper)).extracting(p -> p.comment().id(), Placed::depth).containsExactly(
                tuple(first, 0), tuple(reply, 1), tuple(nested, 2), tuple(laterReply, 1), tuple(second, 0));
        Comment read = comments.comment(nested).orElseThrow();
        assertThat(read.paperId()).isEqualTo(paper);
        assertThat(read.parentId()).contains(reply);
        assertThat(read.author().handle()).contains(ada.handle().value());
        assertThat(read.author().displayName()).contains("ada");
        assertThat(read.source()).isEqualTo("reply to the reply");
        assertThat(read.html()).isEqualTo("<p>reply to the reply</p>\n");
        assertThat(read.state()).isEqualTo(CommentState.VISIBLE);
        assertThat(read.editedAt()).isEmpty();
    }

    @Test
    void aReplyNeedsAVisibleParentOnTheSamePaper() {
        long here = post(ada, "here");
        long elsewhere = comments.post(ada, ADDRESS, newPaper(), Optional.empty(), "elsewhere");

        assertCode(() -> reply(bob, elsewhere, "wrong paper"), CommentException.Code.PARENT_NOT_FOUND);
        assertCode(() -> reply(bob, 999_999, "no parent"), CommentException.Code.PARENT_NOT_FOUND);
        comments.hide(here, bob.id(), "spam");
        assertCode(() -> reply(bob, here, "to a hidden one"), CommentException.Code.PARENT_NOT_FOUND);
        assertThat(comments.thread(paper)).hasSize(1);
    }

    @Test
    void aCommentOnAnUnknownPaperIsRefused() {
        assertCode(() -> comments.post(ada, ADDRESS, new ArxivId("2999.99999"), Optional.empty(), "hello"),
                CommentException.Code.NO_SUCH_PAPER);
    }

    @Test
    void aBannedMemberCannotPostOrEdit() {
        long id = post(ada, "before the ban");
        accounts.ban(ada.id());
        Member banned = accounts.member(ada.id()).orElseThrow();

        assertCode(() -> post(banned, "after"), CommentException.Code.MEMBER_BANNED);
        assertCode(() -> comments.edit(banned, id, "changed"), CommentException.Code.MEMBER_BANNED);
        assertThat(comments.comment(id).orElseThrow().source()).isEqualTo("before the ban");
    }

    @Test
    void onlyTheAuthorEditsAndTheEditIsMarkedWithItsTime() {
        long id = post(ada, "first *draft*");
        clock.advance(Duration.ofMinutes(5));

        assertCode(() -> comments.edit(bob, id, "hijacked"), CommentException.Code.NOT_AUTHOR);
        comments.edit(ada, id, "final **text**");

        Comment edited = comments.comment(id).orElseThrow();
        assertThat(edited.source()).isEqualTo("final **text**");
        assertThat(edited.html()).isEqualTo("<p>final <strong>text</strong></p>\n");
        assertThat(edited.createdAt()).isEqualTo(T0);
        assertThat(edited.editedAt()).contains(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void onlyTheAuthorDeletesAndACommentWithoutRepliesGoes() {
        long id = post(ada, "mine");

        assertCode(() -> comments.delete(bob, id), CommentException.Code.NOT_AUTHOR);
        comments.delete(ada, id);

        assertThat(comments.comment(id)).isEmpty();
        assertCode(() -> comments.delete(ada, id), CommentException.Code.NO_SUCH_COMMENT);
    }

    @Test
    void aDeletedCommentWithRepliesStaysWithoutTextAndGoesWithItsLastReply() {
        long parent = post(ada, "parent text");
        long child = reply(bob, parent, "child");

        comments.delete(ada, parent);
        Comment placeholder = comments.comment(parent).orElseThrow();
        assertThat(placeholder.state()).isEqualTo(CommentState.DELETED);
        assertThat(placeholder.source()).isEmpty();
        assertThat(placeholder.html()).isEmpty();
        assertThat(comments.thread(paper)).extracting(p -> p.comment().id()).containsExactly(parent, child);
        assertCode(() -> comments.edit(ada, parent, "back"), CommentException.Code.NOT_EDITABLE);

        comments.delete(bob, child);
        assertThat(comments.thread(paper)).isEmpty();
    }

    @Test
    void hidingKeepsTheCommentWithTheReasonAndRefusesAnEmptyReason() {
        long id = post(ada, "spam");

        assertCode(() -> comments.hide(id, bob.id(), "  "), CommentException.Code.REASON_INVALID);
        assertCode(() -> comments.hide(id, bob.id(), "x".repeat(CommentService.MAX_REASON_CHARACTERS + 1)),
                CommentException.Code.REASON_INVALID);
        comments.hide(id, bob.id(), " Off\ntopic ");
        assertThat(auditLog.recent(0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.actorId()).isEqualTo(bob.id());
            assertThat(entry.action()).isEqualTo("hide-comment");
            assertThat(entry.targetKind()).isEqualTo("comment");
            assertThat(entry.targetId()).isEqualTo(Long.toString(id));
            assertThat(entry.reason()).contains("Off topic");
        });

        Comment hidden = comments.comment(id).orElseThrow();
        assertThat(hidden.state()).isEqualTo(CommentState.HIDDEN);
        assertThat(hidden.hiddenReason()).contains("Off topic");
        assertThat(hidden.source()).isEqualTo("spam");
        assertCode(() -> comments.edit(ada, id, "sneaky"), CommentException.Code.NOT_EDITABLE);
        assertCode(() -> comments.hide(999_999, bob.id(), "gone"), CommentException.Code.NO_SUCH_COMMENT);
    }

    @Test
    void thePaperCountsItsVisibleCommentsOnTopOfTheUpstreamCount() {
        var record = PaperFixtures.paper().numComments(7).build();
        papers.upsert(List.of(record));
        ArxivId counted = record.paper().id();
        long first = comments.post(ada, ADDRESS, counted, Optional.empty(), "one");
        long second = comments.post(bob, ADDRESS, counted, Optional.empty(), "two");
        comments.post(bob, ADDRESS, counted, Optional.of(first), "three");
        assertThat(papers.find(counted).orElseThrow().numComments()).isEqualTo(10);

        comments.hide(second, ada.id(), "off topic");
        comments.delete(ada, first);
        assertThat(papers.find(counted).orElseThrow().numComments()).isEqualTo(8);

        papers.upsert(List.of(PaperFixtures.paper().id(counted.value()).numComments(9).build()));
        assertThat(papers.find(counted).orElseThrow().numComments()).isEqualTo(10);
    }

    @Test
    void everyChangeToACommentChangesTheDataVersion() {
        long before = papers.dataVersion();
        long id = post(ada, "new");
        long posted = papers.dataVersion();
        comments.edit(ada, id, "edited");
        long edited = papers.dataVersion();
        comments.delete(ada, id);
        long deleted = papers.dataVersion();

        assertThat(posted).isGreaterThan(before);
        assertThat(edited).isGreaterThan(posted);
        assertThat(deleted).isGreaterThan(edited);
    }

    @Test
    void theLatestVisibleCommentsComeNewestFirst() {
        long first = post(ada, "first");
        clock.advance(Duration.ofMinutes(1));
        long hidden = post(bob, "hidden");
        clock.advance(Duration.ofMinutes(1));
        long third = post(bob, "third");
        comments.hide(hidden, ada.id(), "spam");

        assertThat(comments.latest(paper, 10)).extracting(Comment::id).containsExactly(third, first);
        assertThat(comments.latest(paper, 1)).extracting(Comment::id).containsExactly(third);
    }

    @Test
    void commentersAreTheMembersWithAVisibleComment() {
        Member carol = member("carol");
        post(ada, "one");
        post(ada, "two");
        long hidden = post(carol, "spam");
        comments.hide(hidden, bob.id(), "spam");

        assertThat(comments.commenters(paper)).containsExactly(ada.id());
    }

    @Test
    void aMemberWithoutPersonalDataIsNamedByNobody() {
        long id = post(ada, "still here");
        database().jdbi().useHandle(h -> h.execute("UPDATE member SET display_name = '' WHERE id = ?", ada.id()));

        Comment comment = comments.comment(id).orElseThrow();
        assertThat(comment.author().isDeleted()).isTrue();
        assertThat(comment.author().displayName()).isEmpty();
        assertThat(comment.source()).isEqualTo("still here");
    }

    @Test
    void postingIsLimitedPerMemberAndPerAddressAndRefusedTextDoesNotCount() {
        CommentService limited = service(new CommentSettings(2, 3, Duration.ofMinutes(10)));
        assertCode(() -> limited.post(ada, ADDRESS, paper, Optional.empty(), " "), CommentException.Code.TEXT_EMPTY);
        limited.post(ada, ADDRESS, paper, Optional.empty(), "one");
        limited.post(ada, ADDRESS, paper, Optional.empty(), "two");

        assertThatThrownBy(() -> limited.post(ada, "192.0.2.99", paper, Optional.empty(), "three"))
                .isInstanceOf(RateLimitedException.class);
        limited.post(bob, ADDRESS, paper, Optional.empty(), "bob, same address");
        assertThatThrownBy(() -> limited.post(member("carol"), ADDRESS, paper, Optional.empty(), "carol"))
                .isInstanceOf(RateLimitedException.class);

        clock.advance(Duration.ofMinutes(10));
        limited.post(ada, ADDRESS, paper, Optional.empty(), "the next window");
        assertThat(comments.thread(paper)).hasSize(4);
    }

    private CommentService service(CommentSettings settings) {
        return new CommentService(store, new JdbiTransactions(database(), clock)
                .view(tx -> new CommentWrites(tx.comments(), tx.audit())),
                new RateLimiter(new JdbiRateLimitStore(database()), clock), auditLog, settings, clock);
    }

    private long post(Member author, String text) {
        return comments.post(author, ADDRESS, paper, Optional.empty(), text);
    }

    private long reply(Member author, long parent, String text) {
        return comments.post(author, ADDRESS, paper, Optional.of(parent), text);
    }

    private ArxivId newPaper() {
        var record = PaperFixtures.paper().build();
        papers.upsert(List.of(record));
        return record.paper().id();
    }

    private Member member(String handle) {
        String unique = handle + NEXT.incrementAndGet();
        return accounts.create(new NewMember(new Email(unique + "@example.org"), new Handle(unique),
                new DisplayName(handle), Role.MEMBER, "hash", T0, Optional.empty()));
    }

    private static void assertCode(ThrowingCallable call, CommentException.Code code) {
        assertThatThrownBy(call).isInstanceOf(CommentException.class)
                .extracting(e -> ((CommentException) e).code()).isEqualTo(code);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
