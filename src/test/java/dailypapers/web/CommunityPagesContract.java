package dailypapers.web;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.library.Visibility;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import dailypapers.store.DatabaseConfig;
import dailypapers.submission.ClaimService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How the members' features meet, over HTTP on each kind of database: what a profile lists, the API's
 * {@code isAuthorParticipating}, reports of comments and submissions, and what a suspended member may still do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommunityPagesContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 8, 22);
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");

    private final TestDatabase kind;
    private DatabaseConfig config;
    private TestApp app;

    CommunityPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        config = kind.open();
        try {
            app = TestApp.start(config, Files.createTempDirectory("dailypapers-community"));
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
    void aProfileListsTheMembersSubmissions() {
        TestMember ada = app.member(Role.MEMBER);
        PaperRecord record = newPaper(false);
        assertThat(ada.postForm("/submit", Map.of("id", id(record))).statusCode()).isEqualTo(303);

        assertThat(profile(ada)).contains("Submitted papers", "href=\"/papers/" + id(record) + "\"",
                record.paper().title());
        assertThat(profile(app.member(Role.MEMBER))).doesNotContain("Submitted papers");
    }

    @Test
    void aProfileListsThePapersTheMemberIsAConfirmedAuthorOf() {
        TestMember ada = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        PaperRecord pending = newPaper(true);
        PaperRecord confirmed = newPaper(true);
        ClaimService claims = app.app().submissions().claims();
        claims.claim(ada.member(), confirmed.paper().id(), "Ada Lovelace");
        claims.claim(ada.member(), pending.paper().id(), "Ada Lovelace");
        long claim = claims.claims(confirmed.paper().id(), ada.member().id()).getFirst().id();
        claims.confirm(claim, moderator.member());

        assertThat(profile(ada)).contains("Author of", "href=\"/papers/" + id(confirmed) + "\"")
                .doesNotContain("href=\"/papers/" + id(pending) + "\"");
    }

    @Test
    void aProfileListsOnlyPublicCollections() {
        TestMember ada = app.member(Role.MEMBER);
        var library = app.app().libraries().service();
        var open = library.create(ada.member().id(), "Reading group", Visibility.PUBLIC);
        library.add(ada.member().id(), open.id(), newPaper(true).paper().id());
        library.create(ada.member().id(), "Secret pile", Visibility.PRIVATE);

        assertThat(profile(ada)).contains("Public collections", "Reading group", "1 paper",
                "href=\"/collections/" + open.id() + "-reading-group\"").doesNotContain("Secret pile");
    }

    @Test
    void aProfileListsVisibleCommentsLinkedToTheirPlaceOnThePaper() {
        TestMember ada = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        String paper = id(newPaper(true));
        long shown = comment(ada, paper, "A *kind* <word>");
        long hidden = comment(ada, paper, "rude words");
        assertThat(moderator.postForm("/comments/" + hidden + "/hide", Map.of("reason", "rude")).statusCode())
                .isEqualTo(303);

        assertThat(profile(ada)).contains("Recent comments", "href=\"/papers/" + paper + "#comment-" + shown + "\"",
                "A *kind* &lt;word&gt;", "on arXiv:" + paper).doesNotContain("rude words", "#comment-" + hidden);
    }

    @Test
    void aProfileListsUpvotedPapersOnlyWhenTheMemberChoseTo() {
        TestMember ada = app.member(Role.MEMBER);
        PaperRecord record = newPaper(true);
        assertThat(ada.postForm("/papers/" + id(record) + "/upvote", Map.of("action", "add")).statusCode()).isEqualTo(303);
        assertThat(profile(ada)).doesNotContain("Upvoted papers");

        ada.postForm("/settings/profile", Map.of("show_upvotes", "on"));
        assertThat(profile(ada)).contains("Upvoted papers", "href=\"/papers/" + id(record) + "\"");
    }

    @Test
    void theApiSaysWhenAConfirmedAuthorCommentsOnThePaper() throws IOException {
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        String paper = id(newPaper(true));
        comment(bob, paper, "not an author");
        assertThat(participating(paper)).isFalse();

        ClaimService claims = app.app().submissions().claims();
        claims.claim(ada.member(), ArxivId.parse(paper), "Ada Lovelace");
        long adasComment = comment(ada, paper, "author here");
        assertThat(participating(paper)).as("claim not confirmed yet").isFalse();

        claims.confirm(claims.claims(ArxivId.parse(paper), ada.member().id()).getFirst().id(),
                app.member(Role.MODERATOR).member());
        assertThat(participating(paper)).isTrue();

        assertThat(ada.postForm("/comments/" + adasComment + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(participating(paper)).as("the author's comment is gone").isFalse();
    }

    @Test
    void aReportedCommentShowsInTheQueueWithALinkToItsPlace() {
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        String paper = id(newPaper(true));
        long id = comment(ada, paper, "buy pills");
        String form = "name=\"target\" value=\"" + id + "\"";

        assertThat(bob.get("/papers/" + paper).body()).contains(form);
        assertThat(ada.get("/papers/" + paper).body()).as("not on one's own comment").doesNotContain(form);
        assertThat(bob.postForm("/flags", Map.of("kind", "comment", "target", String.valueOf(id),
                "reason", "spam")).statusCode()).isEqualTo(200);

        assertThat(moderator.get("/moderation").body()).contains("comment " + id + " by @" + ada.member().handle(),
                "href=\"/papers/" + paper + "#comment-" + id + "\"");
        HttpResponse<String> nothing = bob.postForm("/flags", Map.of("kind", "comment", "target", "987654321",
                "reason", "spam"));
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(nothing.body()).contains("no such comment");
    }

    @Test
    void aReportedSubmissionShowsInTheQueueWithItsPaper() {
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        String paper = id(newPaper(false));
        assertThat(ada.postForm("/submit", Map.of("id", paper)).statusCode()).isEqualTo(303);
        long id = app.app().submissions().submissions().submissions(ada.member().id(), 1).getFirst().id();

        assertThat(bob.postForm("/flags", Map.of("kind", "submission", "target", String.valueOf(id),
                "reason", "spam")).statusCode()).isEqualTo(200);
        assertThat(app.member(Role.MODERATOR).get("/moderation").body()).contains(
                "submission " + id + " of arXiv:" + paper, "href=\"/papers/" + paper + "\"");
        assertThat(bob.postForm("/flags", Map.of("kind", "submission", "target", "987654321", "reason", "spam"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aSuspendedMemberReadsButCannotVoteCommentSaveSubmitOrClaim() {
        TestMember ada = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        String paper = id(newPaper(true));
        assertThat(moderator.postForm("/moderation/members/" + ada.member().id() + "/suspend",
                Map.of("days", "3", "reason", "spam wave")).statusCode()).isEqualTo(303);

        assertThat(ada.postForm("/papers/" + paper + "/upvote", Map.of("action", "add")).statusCode())
                .isEqualTo(403);
        assertThat(ada.postJson("/api/papers/" + paper + "/upvote", "{}").statusCode()).isEqualTo(403);
        assertThat(ada.postForm("/papers/" + paper + "/comments", Map.of("text", "still here")).statusCode())
                .isEqualTo(403);
        assertThat(ada.postForm("/papers/" + paper + "/save", Map.of("saved", "true")).statusCode()).isEqualTo(403);
        assertThat(ada.postForm("/submit", Map.of("id", id(newPaper(false)))).statusCode()).isEqualTo(403);
        assertThat(ada.postForm("/papers/" + paper + "/claims", Map.of("author", "Ada Lovelace")).statusCode())
                .isEqualTo(403);
        assertThat(app.get("/api/papers/" + paper).body()).contains("\"upvotes\":0", "\"numComments\":0");

        assertThat(ada.get("/papers/" + paper).statusCode()).isEqualTo(200);
        assertThat(ada.get("/library").statusCode()).isEqualTo(200);
        assertThat(ada.get("/api/me").statusCode()).as("still signed in").isEqualTo(200);

        assertThat(moderator.postForm("/moderation/members/" + ada.member().id() + "/unsuspend", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(ada.postForm("/papers/" + paper + "/upvote", Map.of("action", "add")).statusCode())
                .isEqualTo(303);
        assertThat(ada.postForm("/papers/" + paper + "/comments", Map.of("text", "back")).statusCode())
                .isEqualTo(303);
    }

    @Test
    void theSettingsPageHoldsTheProfileChoiceAndLeadsToTokens() {
        TestMember ada = app.member(Role.MEMBER);
        String page = ada.get("/settings").body();
        assertThat(page).contains("action=\"/settings/profile\"", "name=\"show_upvotes\"", "href=\"/settings/tokens\"",
                "href=\"/library\"", "href=\"/submit\"").doesNotContain("checked");

        ada.postForm("/settings/profile", Map.of("show_upvotes", "on"));
        assertThat(ada.get("/settings").body()).contains("checked");
        HttpResponse<String> refused = ada.postForm("/settings/name", Map.of("displayName", " "));
        assertThat(refused.body()).as("a refused form links to the profile settings")
                .contains("href=\"/settings/profile\"");
    }

    private boolean participating(String paper) throws IOException {
        JsonNode items = JSON.readTree(app.get("/api/daily_papers?date=" + TODAY + "&limit=100").body());
        for (JsonNode item : items) {
            if (item.get("paper").get("id").asText().equals(paper)) {
                return item.get("isAuthorParticipating").asBoolean();
            }
        }
        throw new AssertionError("paper " + paper + " is not listed");
    }

    private long comment(TestMember member, String paper, String text) {
        HttpResponse<String> posted = member.postForm("/papers/" + paper + "/comments", Map.of("text", text));
        assertThat(posted.statusCode()).isEqualTo(303);
        Matcher matcher = COMMENT_ID.matcher(posted.headers().firstValue("Location").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private String profile(TestMember member) {
        HttpResponse<String> page = app.get("/members/" + member.member().handle());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private PaperRecord newPaper(boolean featured) {
        var builder = paper().published(TODAY);
        PaperRecord record = featured ? builder.featuredOn(TODAY).build() : builder.build();
        app.app().feed().papers().upsert(List.of(record));
        return record;
    }

    private static String id(PaperRecord record) {
        return record.paper().id().value();
    }
}
