package dailypapers.web;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.moderation.AuditEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.search.Filters;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reports, the moderation queue, moderators' actions, the audit log and profiles over HTTP, on each kind of
 * database: who may do what (anonymous, member, suspended, moderator, admin), what each action changes, and that
 * each leaves its audit entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ModerationPagesContract {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 20);

    private final TestDatabase kind;
    private DatabaseConfig config;
    private TestApp app;

    ModerationPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        config = kind.open();
        try {
            Path directory = Files.createTempDirectory("dailypapers-moderation");
            app = TestApp.start(config, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
            kind.drop(config);
        }
    }

    @Test
    void aReportedPaperHiddenByAModeratorLeavesListingsAndTheApiAndIsLogged() {
        PaperRecord record = newPaper();
        String id = record.paper().id().value();
        app.app().search().indexer().update(List.of(record.paper().id()));
        app.app().search().indexer().refresh();
        String search = "/api/papers/search?q=" + URLEncoder.encode(record.paper().title(), StandardCharsets.UTF_8);
        assertThat(app.get(search).body()).as("found before it is hidden").contains("\"" + id + "\"");
        TestMember reporter = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);

        HttpResponse<String> reported = reporter.postForm("/flags", Map.of("kind", "paper", "target", id,
                "reason", "spam", "note", "an advert <b>for</b> pills"));
        assertThat(reported.statusCode()).isEqualTo(200);
        assertThat(reported.body()).contains("Thank you", "arXiv:" + id);

        String queue = moderator.get("/moderation").body();
        assertThat(queue).contains("href=\"/papers/" + id + "\"", "Spam or advertising",
                "an advert &lt;b&gt;for&lt;/b&gt; pills", "@" + reporter.member().handle(),
                "action=\"/moderation/papers/" + id + "/hide\"");

        HttpResponse<String> hidden = moderator.postForm("/moderation/papers/" + id + "/hide",
                Map.of("reason", "advertising", "next", "/moderation"));
        assertThat(hidden.statusCode()).isEqualTo(303);
        assertThat(hidden.headers().firstValue("Location")).hasValue("/moderation");

        assertThat(app.get("/papers/date/" + DAY).body()).doesNotContain("/papers/" + id + "\"");
        assertThat(app.get("/api/papers/" + id).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/daily_papers?date=" + DAY).body()).doesNotContain(id);
        assertThat(app.get(search).body()).doesNotContain(id);
        app.app().search().indexer().sync();
        assertThat(indexed(id)).as("the index sync drops a hidden paper, so no search total counts it").isFalse();
        HttpResponse<String> page = app.get("/papers/" + id);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Hidden by a moderator").doesNotContain(record.paper().title());
        assertThat(reporter.get("/papers/" + id).statusCode()).isEqualTo(410);
        HttpResponse<String> moderatorsPage = moderator.get("/papers/" + id);
        assertThat(moderatorsPage.statusCode()).isEqualTo(200);
        assertThat(moderatorsPage.body()).contains("Hidden by a moderator", "advertising",
                "action=\"/moderation/papers/" + id + "/unhide\"");
        assertThat(moderator.get("/moderation").body()).doesNotContain("Spam or advertising")
                .contains("id=\"hidden\"", "advertising");

        AuditEntry entry = app.app().moderation().auditLog().recent(0, 1).getFirst();
        assertThat(entry.actorId()).isEqualTo(moderator.member().id());
        assertThat(entry.action()).isEqualTo("hide-paper");
        assertThat(entry.targetKind()).isEqualTo("paper");
        assertThat(entry.targetId()).isEqualTo(id);
        assertThat(entry.reason()).contains("advertising");
        assertThat(moderator.get("/moderation/log").body()).contains("hide-paper", "advertising",
                "href=\"/papers/" + id + "\"", "@" + moderator.member().handle());

        assertThat(moderator.postForm("/moderation/papers/" + id + "/unhide", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(app.get("/api/papers/" + id).statusCode()).isEqualTo(200);
        assertThat(app.app().moderation().auditLog().recent(0, 1).getFirst().action()).isEqualTo("unhide-paper");
        app.app().search().indexer().sync();
        app.app().search().indexer().refresh();
        assertThat(indexed(id)).as("shown again, it is searchable again").isTrue();
        assertThat(app.get(search).body()).contains("\"" + id + "\"");
    }

    /** Whether the search index holds the paper. */
    private boolean indexed(String id) {
        return !app.app().search().index().exactMatches(Optional.of(id), Optional.empty(), Filters.NONE).isEmpty();
    }

    @Test
    void aMemberReportsATargetOnceAndARefusedReportKeepsWhatWasTyped() {
        String id = newPaper().paper().id().value();
        TestMember reporter = app.member(Role.MEMBER);

        HttpResponse<String> noReason = reporter.postForm("/flags", Map.of("kind", "paper", "target", id,
                "reason", "boring", "note", "my typed note"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("choose a reason from the list", "my typed note", "id=\"reason-error\"");

        HttpResponse<String> tooLong = reporter.postForm("/flags", Map.of("kind", "paper", "target", id,
                "reason", "other", "note", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"note-error\"", "x".repeat(501));

        assertThat(reporter.postForm("/flags", Map.of("kind", "paper", "target", id, "reason", "spam"))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> again = reporter.postForm("/flags", Map.of("kind", "paper", "target", id,
                "reason", "misleading", "note", "second thoughts"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("reported this already", "second thoughts");

        assertThat(reporter.postForm("/flags", Map.of("kind", "paper", "target", "2601.99999", "reason", "spam"))
                .statusCode()).isEqualTo(404);
        assertThat(reporter.postForm("/flags", Map.of("kind", "member", "target",
                Long.toString(reporter.member().id()), "reason", "spam")).statusCode()).isEqualTo(400);
        assertThat(reporter.postForm("/flags", Map.of("kind", "planet", "target", "1", "reason", "spam"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndCannotReport() {
        String id = newPaper().paper().id().value();
        HttpResponse<String> form = app.get("/report?kind=paper&target=" + id);
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in?next=");
        assertThat(app.get("/papers/" + id).body()).contains("Sign in to report this");
        assertThat(app.get("/moderation").statusCode()).isEqualTo(303);
        TestMember member = app.member(Role.MEMBER);
        assertThat(member.get("/report?kind=paper&target=" + id).body()).contains("name=\"reason\"");
    }

    @Test
    void aMemberCannotModerateAnything() {
        String id = newPaper().paper().id().value();
        TestMember member = app.member(Role.MEMBER);
        TestMember other = app.member(Role.MEMBER);
        other.postForm("/flags", Map.of("kind", "paper", "target", id, "reason", "spam"));
        long flag = app.app().moderation().service().queue().getFirst().flags().getFirst().id();
        long target = other.member().id();

        assertThat(member.get("/moderation").statusCode()).isEqualTo(403);
        assertThat(member.get("/moderation/log").statusCode()).isEqualTo(403);
        for (String path : List.of("/moderation/flags/" + flag + "/dismiss", "/moderation/papers/" + id + "/hide",
                "/moderation/papers/" + id + "/unhide", "/moderation/members/" + target + "/suspend",
                "/moderation/members/" + target + "/unsuspend", "/moderation/members/" + target + "/ban")) {
            assertThat(member.postForm(path, Map.of("reason", "because", "days", "3")).statusCode())
                    .as(path).isEqualTo(403);
        }
        assertThat(app.app().moderation().service().hiddenPaper(record(id))).isEmpty();
        assertThat(app.app().accounts().service().members()).filteredOn(m -> m.id() == target)
                .singleElement().satisfies(m -> assertThat(m.canPost(TestApp.FIXED_CLOCK.instant())).isTrue());
        assertThat(app.app().moderation().service().queue()).isNotEmpty();
    }

    @Test
    void aModeratorSuspendsAMemberWhoThenCannotReportUntilUnsuspended() {
        String id = newPaper().paper().id().value();
        TestMember moderator = app.member(Role.MODERATOR);
        TestMember member = app.member(Role.MEMBER);

        HttpResponse<String> badDays = moderator.postForm("/moderation/members/" + member.member().id()
                + "/suspend", Map.of("days", "400", "reason", "spam wave"));
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("1 to 365 days", "value=\"400\"", "value=\"spam wave\"");
        HttpResponse<String> noReason = moderator.postForm("/moderation/members/" + member.member().id()
                + "/suspend", Map.of("days", "3", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("give a reason");

        HttpResponse<String> suspended = moderator.postForm("/moderation/members/" + member.member().id()
                + "/suspend", Map.of("days", "3", "reason", "spam wave"));
        assertThat(suspended.statusCode()).isEqualTo(303);
        assertThat(suspended.headers().firstValue("Location")).hasValue("/members/" + member.member().handle());
        assertThat(lastEntry().action()).isEqualTo("suspend-member");
        assertThat(lastEntry().reason()).contains("3 days: spam wave");

        assertThat(member.get("/").statusCode()).isEqualTo(200);
        assertThat(member.postForm("/flags", Map.of("kind", "paper", "target", id, "reason", "spam")).statusCode())
                .isEqualTo(403);
        assertThat(moderator.get("/members/" + member.member().handle()).body()).contains("Suspended",
                "/moderation/members/" + member.member().id() + "/unsuspend");

        assertThat(moderator.postForm("/moderation/members/" + member.member().id() + "/unsuspend", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(lastEntry().action()).isEqualTo("unsuspend-member");
        assertThat(member.postForm("/flags", Map.of("kind", "paper", "target", id, "reason", "spam")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aModeratorCannotBanNorActOnStaffNorThemselves() {
        TestMember moderator = app.member(Role.MODERATOR);
        TestMember otherModerator = app.member(Role.MODERATOR);
        TestMember admin = app.member(Role.ADMIN);
        TestMember member = app.member(Role.MEMBER);
        int entries = app.app().moderation().auditLog().recent(0, 1000).size();

        assertThat(moderator.postForm("/moderation/members/" + member.member().id() + "/ban",
                Map.of("reason", "spam")).statusCode()).isEqualTo(403);
        assertThat(moderator.postForm("/moderation/members/" + admin.member().id() + "/suspend",
                Map.of("days", "3", "reason", "coup")).statusCode()).isEqualTo(403);
        assertThat(moderator.postForm("/moderation/members/" + otherModerator.member().id() + "/suspend",
                Map.of("days", "3", "reason", "rival")).statusCode()).isEqualTo(403);
        assertThat(moderator.postForm("/moderation/members/" + moderator.member().id() + "/suspend",
                Map.of("days", "3", "reason", "me")).statusCode()).isEqualTo(403);
        assertThat(admin.postForm("/moderation/members/" + admin.member().id() + "/ban",
                Map.of("reason", "me")).statusCode()).isEqualTo(403);

        assertThat(app.app().moderation().auditLog().recent(0, 1000)).hasSize(entries);
        assertThat(member(admin).canPost(TestApp.FIXED_CLOCK.instant())).isTrue();
        assertThat(member(member).isBanned()).isFalse();
    }

    @Test
    void anAdminBansAMemberWhoseSessionsAndProfileAreGone() {
        TestMember admin = app.member(Role.ADMIN);
        TestMember member = app.member(Role.MEMBER);
        String handle = member.member().handle().value();
        assertThat(app.get("/members/" + handle).statusCode()).isEqualTo(200);

        HttpResponse<String> banned = admin.postForm("/moderation/members/" + member.member().id() + "/ban",
                Map.of("reason", "abuse", "next", "/moderation"));
        assertThat(banned.statusCode()).isEqualTo(303);
        assertThat(banned.headers().firstValue("Location")).hasValue("/moderation");

        assertThat(member(member).isBanned()).isTrue();
        assertThat(member.get("/").body()).contains("href=\"/sign-in\"");
        assertThat(app.get("/members/" + handle).statusCode()).isEqualTo(404);
        AuditEntry entry = lastEntry();
        assertThat(entry.action()).isEqualTo("ban-member");
        assertThat(entry.targetId()).isEqualTo(Long.toString(member.member().id()));
        assertThat(entry.actorId()).isEqualTo(admin.member().id());
    }

    @Test
    void aModeratorDismissesAFlagWhichLeavesTheQueueAndTheLog() {
        String id = newPaper().paper().id().value();
        TestMember moderator = app.member(Role.MODERATOR);
        app.member(Role.MEMBER).postForm("/flags", Map.of("kind", "paper", "target", id, "reason", "misleading"));
        long flag = app.app().moderation().service().queue().stream()
                .filter(t -> t.target().id().equals(id)).findFirst().orElseThrow().flags().getFirst().id();

        assertThat(moderator.postForm("/moderation/flags/" + flag + "/dismiss", Map.of("reason", "fine"))
                .statusCode()).isEqualTo(303);
        assertThat(moderator.get("/moderation").body()).doesNotContain("/moderation/flags/" + flag + "/dismiss");
        assertThat(lastEntry().action()).isEqualTo("dismiss-flag");
        HttpResponse<String> again = moderator.postForm("/moderation/flags/" + flag + "/dismiss", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(moderator.postForm("/moderation/flags/nine/dismiss", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void adminPagesAndApisAreForAdminMembersOnly() {
        TestMember member = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        TestMember admin = app.member(Role.ADMIN);
        for (String path : List.of("/admin/harvest", "/admin/search", "/api/harvest/status", "/api/search/status")) {
            assertThat(member.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(moderator.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aProfileShowsTheMemberAndStaffBadgesAndItsSettingsAreTheMembers() {
        TestMember moderator = app.member(Role.MODERATOR);
        TestMember member = app.member(Role.MEMBER);
        String handle = member.member().handle().value();

        String page = app.get("/members/" + handle).body();
        assertThat(page).contains(member.member().displayName().value(), "&#64;" + handle, "Joined")
                .doesNotContain("role-badge", "Report this member", "/settings/profile");
        assertThat(member.get("/members/" + handle).body()).contains("href=\"/settings/profile\"");
        assertThat(moderator.get("/members/" + handle).body()).contains("Report this member",
                "/moderation/members/" + member.member().id() + "/suspend");
        assertThat(app.get("/members/" + moderator.member().handle()).body()).contains("role-badge", "Moderator");
        assertThat(app.get("/members/" + handle.toUpperCase(java.util.Locale.ROOT)).statusCode()).isEqualTo(301);
        assertThat(app.get("/members/nobody-here").statusCode()).isEqualTo(404);
        assertThat(app.get("/members/%3Cscript%3E").statusCode()).isEqualTo(404);

        assertThat(member.get("/settings/profile").body()).contains("name=\"show_upvotes\"")
                .doesNotContain("checked");
        assertThat(member.postForm("/settings/profile", Map.of("show_upvotes", "on")).body()).contains("Saved.",
                "checked");
        assertThat(app.app().profiles().own(member.member().id()).orElseThrow().showsUpvotes()).isTrue();
        assertThat(member.postForm("/settings/profile", Map.of()).statusCode()).isEqualTo(200);
        assertThat(app.app().profiles().own(member.member().id()).orElseThrow().showsUpvotes()).isFalse();
        assertThat(app.get("/settings/profile").statusCode()).isEqualTo(303);
    }

    @Test
    void reportsAreRateLimitedPerMember() {
        TestMember reporter = app.member(Role.MEMBER);
        List<PaperRecord> papers = java.util.stream.IntStream.range(0, 21).mapToObj(i -> paper().build()).toList();
        app.app().feed().papers().upsert(papers);
        for (int i = 0; i < 20; i++) {
            assertThat(reporter.postForm("/flags", Map.of("kind", "paper", "target",
                    papers.get(i).paper().id().value(), "reason", "spam")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = reporter.postForm("/flags", Map.of("kind", "paper", "target",
                papers.get(20).paper().id().value(), "reason", "spam", "note", "kept"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("kept");
    }

    private PaperRecord newPaper() {
        PaperRecord record = paper().featuredOn(DAY).published(DAY).build();
        app.app().feed().papers().upsert(List.of(record));
        return record;
    }

    private static dailypapers.paper.ArxivId record(String id) {
        return dailypapers.paper.ArxivId.parse(id);
    }

    private AuditEntry lastEntry() {
        return app.app().moderation().auditLog().recent(0, 1).getFirst();
    }

    private Member member(TestMember member) {
        return app.app().accounts().service().members().stream().filter(m -> m.id() == member.member().id())
                .findFirst().orElseThrow();
    }
}
