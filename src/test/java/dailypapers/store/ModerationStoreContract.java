package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.AccountStore.StoredSession;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.moderation.AuditEntry;
import dailypapers.moderation.Flag;
import dailypapers.moderation.FlagReason;
import dailypapers.moderation.HiddenPaper;
import dailypapers.moderation.Resolution;
import dailypapers.moderation.Target;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.moderation.ModerationStore} must do; run against SQLite and PostgreSQL. */
abstract class ModerationStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 8, 20);

    private JdbiModerationStore store;
    private JdbiAccountStore accounts;
    private JdbiPaperStore papers;
    private Member reporter;
    private Member moderator;

    protected ModerationStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiModerationStore(database());
        accounts = new JdbiAccountStore(database());
        papers = new JdbiPaperStore(database(), Clock.fixed(T0, ZoneOffset.UTC));
        reporter = accounts.create(member("reporter"));
        moderator = accounts.create(member("moderator-1"));
    }

    @Test
    void aMemberHasOneOpenFlagPerTargetAndMayFlagAgainOnceItIsResolved() {
        Target target = Target.paper(ArxivId.parse("2601.00001"));

        Optional<Flag> first = store.addFlag(reporter.id(), target, FlagReason.SPAM, "buy pills", T0);
        Optional<Flag> again = store.addFlag(reporter.id(), target, FlagReason.OTHER, "", T0.plusSeconds(1));
        Optional<Flag> byAnother = store.addFlag(moderator.id(), target, FlagReason.SPAM, "", T0.plusSeconds(2));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(byAnother).isPresent();
        assertThat(store.openFlag(first.get().id())).contains(first.get());

        assertThat(store.resolveFlag(first.get().id(), moderator.id(), Resolution.DISMISSED, T0.plusSeconds(3)))
                .isTrue();
        assertThat(store.resolveFlag(first.get().id(), moderator.id(), Resolution.DISMISSED, T0.plusSeconds(4)))
                .isFalse();
        assertThat(store.openFlag(first.get().id())).isEmpty();
        assertThat(store.addFlag(reporter.id(), target, FlagReason.SPAM, "", T0.plusSeconds(5))).isPresent();
    }

    @Test
    void twoReportsRacingLeaveOneOpenFlag() throws Exception {
        Target target = Target.member(moderator.id());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<Flag>>> reports = IntStream.range(0, 8)
                    .<Callable<Optional<Flag>>>mapToObj(i -> () -> store.addFlag(reporter.id(), target,
                            FlagReason.ABUSE, "", T0))
                    .toList();
            long added = 0;
            for (Future<Optional<Flag>> result : pool.invokeAll(reports)) {
                added += result.get().isPresent() ? 1 : 0;
            }
            assertThat(added).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.openFlags(10)).hasSize(1);
    }

    @Test
    void openFlagsComeNewestFirstAndActionsCloseEveryFlagOnTheirTarget() {
        Member third = accounts.create(member("third"));
        Target paper = Target.paper(ArxivId.parse("2601.00002"));
        Target member = Target.member(third.id());
        Flag a = store.addFlag(reporter.id(), paper, FlagReason.SPAM, "", T0).orElseThrow();
        Flag b = store.addFlag(reporter.id(), member, FlagReason.ABUSE, "rude", T0).orElseThrow();
        Flag c = store.addFlag(moderator.id(), paper, FlagReason.MISLEADING, "", T0).orElseThrow();

        assertThat(store.openFlags(10)).containsExactly(c, b, a);
        assertThat(store.openFlags(2)).containsExactly(c, b);

        assertThat(store.resolveFlags(paper, moderator.id(), Resolution.ACTIONED, T0)).isEqualTo(2);
        assertThat(store.openFlags(10)).containsExactly(b);
    }

    @Test
    void aHiddenPaperLeavesListingsButItsOwnRowStaysReadable() {
        PaperRecord shown = paper().featuredOn(DAY).published(DAY).categories("cs.CL").authors("Ada").build();
        PaperRecord hidden = paper().featuredOn(DAY).published(DAY).categories("cs.CL").authors("Ada").build();
        papers.upsert(List.of(shown, hidden));
        ArxivId id = hidden.paper().id();
        long versionBefore = papers.dataVersion();

        assertThat(store.hidePaper(new HiddenPaper(id, "spam", moderator.id(), T0))).isTrue();
        assertThat(store.hidePaper(new HiddenPaper(id, "again", moderator.id(), T0))).isFalse();

        assertThat(papers.dataVersion()).isGreaterThan(versionBefore);
        FeaturedQuery day = FeaturedQuery.between(DAY, DAY.plusDays(1));
        assertThat(papers.featured(day, 0, 10)).extracting(e -> e.paper().id()).containsExactly(shown.paper().id());
        assertThat(papers.countFeatured(day)).isEqualTo(1);
        assertThat(papers.featured(new FeaturedQuery(DAY, DAY.plusDays(1), Optional.empty(),
                FeaturedQuery.Order.TRENDING), 0, 10)).hasSize(1);
        assertThat(papers.featuredIds(day)).containsExactly(shown.paper().id());
        assertThat(papers.featuredCountsByDay(DAY, DAY.plusDays(1))).containsEntry(DAY, 1);
        assertThat(papers.published(DAY, Optional.empty(), 0, 10)).hasSize(1);
        assertThat(papers.countPublished(DAY, Optional.empty())).isEqualTo(1);
        assertThat(papers.published(DAY, Optional.of("cs.CL"), 0, 10)).hasSize(1);
        assertThat(papers.countPublished(DAY, Optional.of("cs.CL"))).isEqualTo(1);
        assertThat(papers.byAuthor("Ada", 0, 10)).hasSize(1);
        assertThat(papers.countByAuthor("Ada")).isEqualTo(1);
        assertThat(papers.inCategory("cs.CL", 0, 10)).hasSize(1);
        assertThat(papers.countInCategory("cs.CL")).isEqualTo(1);
        assertThat(papers.find(List.of(id, shown.paper().id()))).extracting(e -> e.paper().id())
                .containsExactly(shown.paper().id());
        assertThat(papers.find(id)).isPresent();
        assertThat(store.hiddenPaper(id)).contains(new HiddenPaper(id, "spam", moderator.id(), T0));
        assertThat(store.hiddenPapers()).containsExactly(new HiddenPaper(id, "spam", moderator.id(), T0));

        long versionHidden = papers.dataVersion();
        assertThat(store.unhidePaper(id, T0.plusSeconds(60))).isTrue();
        assertThat(store.unhidePaper(id, T0.plusSeconds(60))).isFalse();
        assertThat(papers.dataVersion()).isGreaterThan(versionHidden);
        assertThat(papers.countFeatured(day)).isEqualTo(2);
        assertThat(store.hiddenPaper(id)).isEmpty();
    }

    @Test
    void onlyAStoredPaperCanBeHidden() {
        assertThat(store.hidePaper(new HiddenPaper(ArxivId.parse("2601.09999"), "spam", moderator.id(), T0)))
                .isFalse();
    }

    @Test
    void aDayWhosePapersAreAllHiddenIsNoLongerTheLatest() {
        PaperRecord earlier = paper().featuredOn(DAY.minusDays(1)).build();
        PaperRecord latest = paper().featuredOn(DAY).build();
        papers.upsert(List.of(earlier, latest));

        store.hidePaper(new HiddenPaper(latest.paper().id(), "spam", moderator.id(), T0));

        assertThat(papers.latestFeaturedDay()).contains(DAY.minusDays(1));
        assertThat(papers.featuredDayAfter(DAY.minusDays(1))).isEmpty();
    }

    @Test
    void aSuspensionIsReadWithTheMemberAndEnds() {
        Instant until = T0.plusSeconds(86_400);

        assertThat(store.suspend(reporter.id(), until)).isTrue();
        Member suspended = accounts.member(reporter.id()).orElseThrow();
        assertThat(suspended.suspendedUntil()).contains(until);
        assertThat(suspended.canPost(T0)).isFalse();
        assertThat(suspended.canPost(until)).isTrue();

        assertThat(store.unsuspend(reporter.id())).isTrue();
        assertThat(accounts.member(reporter.id()).orElseThrow().canPost(T0)).isTrue();
        assertThat(store.suspend(reporter.id() + 100, until)).isFalse();
    }

    @Test
    void aBanEndsTheMembersSessions() {
        accounts.createSession(new StoredSession("hash", reporter.id(), T0, T0,
                T0.plusSeconds(3_600)));

        assertThat(store.ban(reporter.id())).isTrue();

        assertThat(accounts.member(reporter.id()).orElseThrow().isBanned()).isTrue();
        assertThat(accounts.session("hash")).isEmpty();
    }

    @Test
    void theAuditLogRefusesEveryUpdateAndDeleteInSql() {
        JdbiAuditStore audit = new JdbiAuditStore(database());
        AuditEntry entry = audit.append(new AuditEntry(0, T0, moderator.id(), "hide-paper", "paper", "2601.00001",
                Optional.of("spam")));

        for (String sql : List.of("UPDATE audit_log SET reason = 'nothing to see'",
                "UPDATE audit_log SET actor_id = " + reporter.id(), "DELETE FROM audit_log",
                "DELETE FROM audit_log WHERE id = " + entry.id())) {
            assertThatThrownBy(() -> database().jdbi().useHandle(h -> h.execute(sql))).as(sql)
                    .hasMessageContaining("append-only");
        }
        assertThat(audit.recent(0, 10)).containsExactly(entry);
    }

    private static NewMember member(String handle) {
        return new NewMember(new Email(handle + "@example.org"), new Handle(handle), new DisplayName(handle),
                Role.MEMBER, "hash-" + handle, T0, Optional.empty());
    }
}
