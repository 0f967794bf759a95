package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.XssCorpus;
import dailypapers.account.Role;
import dailypapers.comment.Comment;
import dailypapers.comment.CommentSettings;
import dailypapers.comment.CommentText;
import dailypapers.moderation.AuditEntry;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Comments over HTTP, every rule of the forms and who may use them; run on SQLite and PostgreSQL. One app per class:
 * each test makes its own paper and members. The limit per address is high here, since every test posts from
 * 127.0.0.1; the service's contract test covers it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommentPagesContract {

    private static final int PER_MEMBER = 20;
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");
    private static final Pattern BODIES = Pattern.compile("<div class=\"comment-body\">(.*?)</div>", Pattern.DOTALL);

    private final TestDatabase kind;
    private DatabaseConfig database;
    private TestApp app;

    protected CommentPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() throws IOException {
        database = kind.open();
        Config config = new Config(Files.createTempDirectory("dailypapers-comments"), database, "127.0.0.1", 0)
                .withComments(new CommentSettings(PER_MEMBER, 100_000, Duration.ofMinutes(10)));
        app = TestApp.start(config);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            kind.drop(database);
        }
    }

    @Test
    void aMemberPostsAndTheCommentShowsRenderedOnThePaperInItsCountAndInTheApi() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> posted = ada.postForm(comments(paper), Map.of("text", "Hello *world*"));
        assertThat(posted.statusCode()).isEqualTo(303);
        long id = commentId(posted);
        assertThat(posted.headers().firstValue("Location")).hasValue(Links.paper(paper) + "#comment-" + id);

        String page = app.get(Links.paper(paper)).body();
        assertThat(page).contains("id=\"comment-" + id + "\"", "<p>Hello <em>world</em></p>",
                ada.member().displayName().value(), "href=\"/members/" + ada.member().handle().value() + "\"",
                "1 comment");
        assertThat(app.get("/api/papers/" + paper.value()).body()).contains("\"numComments\":1");
    }

    @Test
    void aReplyShowsUnderItsParentIndentedAndOldestFirst() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        long first = commentId(ada.postForm(comments(paper), Map.of("text", "first")));
        long second = commentId(bob.postForm(comments(paper), Map.of("text", "second")));
        long reply = commentId(bob.postForm(comments(paper), Map.of("text", "a reply",
                "parent", Long.toString(first))));

        String page = app.get(Links.paper(paper)).body();
        assertThat(page).contains("<li class=\"comment depth-0\" id=\"comment-" + first + "\"",
                "<li class=\"comment depth-1\" id=\"comment-" + reply + "\"",
                "<li class=\"comment depth-0\" id=\"comment-" + second + "\"");
        assertThat(page.indexOf("comment-" + first + "\"")).isLessThan(page.indexOf("comment-" + reply + "\""));
        assertThat(page.indexOf("comment-" + reply + "\"")).isLessThan(page.indexOf("comment-" + second + "\""));
    }

    @Test
    void emptyAndOverlongCommentsComeBackWithTheTextAndAMessage() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> empty = ada.postForm(comments(paper), Map.of("text", "  \n "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("class=\"form-error\" id=\"comment-text-error\"", "Write something first.");

        String overlong = "<b>kept</b> " + "x".repeat(CommentText.MAX_CHARACTERS);
        HttpResponse<String> tooLong = ada.postForm(comments(paper), Map.of("text", overlong));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 10,000 characters",
                "&lt;b&gt;kept&lt;/b&gt; " + "x".repeat(CommentText.MAX_CHARACTERS) + "</textarea>");
        assertThat(thread(paper)).isEmpty();
    }

    @Test
    void aReplyToAMissingCommentComesBackInTheCommentForm() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> response = ada.postForm(comments(paper), Map.of("text", "my reply",
                "parent", "999999"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("is not there any more", ">my reply</textarea>");
        assertThat(thread(paper)).isEmpty();
    }

    @Test
    void aRefusedReplyComesBackOpenUnderItsComment() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        long first = commentId(ada.postForm(comments(paper), Map.of("text", "first")));

        HttpResponse<String> response = ada.postForm(comments(paper), Map.of("text", "x".repeat(10_001),
                "parent", Long.toString(first)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<details class=\"comment-reply\" open>",
                "id=\"reply-" + first + "-error\"");
    }

    @Test
    void anonymousVisitorsSeeASignInLinkAndCannotPost() throws Exception {
        ArxivId paper = paper();
        assertThat(app.get(Links.paper(paper)).body()).contains("Sign in</a> to comment")
                .doesNotContain("action=\"" + comments(paper) + "\"");

        String token = "anonymous-form-token-0123456789";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + comments(paper)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "dailypapers_csrf=" + token)
                .POST(HttpRequest.BodyPublishers.ofString("text=hello&csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(thread(paper)).isEmpty();
    }

    @Test
    void aBannedMemberCannotPost() {
        ArxivId paper = paper();
        TestMember mallory = app.member(Role.MEMBER);
        app.app().accounts().service().ban(mallory.member().id());

        HttpResponse<String> response = mallory.postForm(comments(paper), Map.of("text", "spam"));
        assertThat(response.statusCode()).isIn(303, 401, 403);
        assertThat(response.headers().firstValue("Location")).isNotEqualTo(Optional.of(Links.paper(paper)));
        assertThat(thread(paper)).isEmpty();
    }

    @Test
    void onlyTheAuthorEditsAndTheEditShowsWithItsMark() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        long id = commentId(ada.postForm(comments(paper), Map.of("text", "original")));

        assertThat(bob.get("/comments/" + id + "/edit").statusCode()).isEqualTo(403);
        assertThat(bob.postForm("/comments/" + id + "/edit", Map.of("text", "hijacked")).statusCode()).isEqualTo(403);
        assertThat(app.get("/comments/" + id + "/edit").statusCode()).isEqualTo(303);

        assertThat(ada.get("/comments/" + id + "/edit").body()).contains(">original</textarea>");
        HttpResponse<String> refused = ada.postForm("/comments/" + id + "/edit", Map.of("text", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Write something first.");
        HttpResponse<String> saved = ada.postForm("/comments/" + id + "/edit", Map.of("text", "**better**"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue(Links.paper(paper) + "#comment-" + id);

        String page = app.get(Links.paper(paper)).body();
        assertThat(page).contains("<strong>better</strong>", "· edited ").doesNotContain("hijacked", "original");
    }

    @Test
    void onlyTheAuthorDeletesAndACommentWithRepliesStaysAsDeleted() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        long parent = commentId(ada.postForm(comments(paper), Map.of("text", "parent words")));
        long reply = commentId(bob.postForm(comments(paper), Map.of("text", "reply words",
                "parent", Long.toString(parent))));
        long alone = commentId(ada.postForm(comments(paper), Map.of("text", "alone words")));

        assertThat(bob.postForm("/comments/" + parent + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(ada.postForm("/comments/" + parent + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ada.postForm("/comments/" + alone + "/delete", Map.of()).statusCode()).isEqualTo(303);

        String page = app.get(Links.paper(paper)).body();
        assertThat(page).contains("id=\"comment-" + parent + "\"", "[deleted]", "reply words")
                .doesNotContain("parent words", "alone words", "id=\"comment-" + alone + "\"");
        assertThat(app.get("/api/papers/" + paper.value()).body()).contains("\"numComments\":1");
        assertThat(ada.postForm("/comments/" + reply + "/delete", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void aModeratorHidesWithAReasonThatOthersSeeAndTheAuditLogKeeps() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        long id = commentId(ada.postForm(comments(paper), Map.of("text", "buy cheap pills")));

        assertThat(ada.postForm("/comments/" + id + "/hide", Map.of("reason", "mine")).statusCode()).isEqualTo(403);
        assertThat(moderator.get(Links.paper(paper)).body()).contains("action=\"/comments/" + id + "/hide\"");
        HttpResponse<String> noReason = moderator.postForm("/comments/" + id + "/hide", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("<details class=\"comment-hide\" open>", "Give a reason");
        assertThat(moderator.postForm("/comments/" + id + "/hide", Map.of("reason", "spam")).statusCode())
                .isEqualTo(303);

        String page = app.get(Links.paper(paper)).body();
        assertThat(page).contains("[hidden by a moderator: spam]").doesNotContain("buy cheap pills");
        assertThat(moderator.get(Links.paper(paper)).body()).contains("[hidden by a moderator: spam]",
                "buy cheap pills");
        List<AuditEntry> log = app.app().moderation().auditLog().recent(0, 100);
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("hide-comment");
            assertThat(entry.targetId()).isEqualTo(Long.toString(id));
            assertThat(entry.actorId()).isEqualTo(moderator.member().id());
            assertThat(entry.reason()).contains("spam");
        });
    }

    @Test
    void aMemberOverTheRateLimitGets429WithTheTextKept() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        for (int i = 0; i < PER_MEMBER; i++) {
            app.app().rateLimits().limiter().check("comment:member:" + ada.member().id(), Integer.MAX_VALUE,
                    Duration.ofMinutes(10));
        }

        HttpResponse<String> response = ada.postForm(comments(paper), Map.of("text", "one too many"));
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("Too many attempts", ">one too many</textarea>");
        assertThat(thread(paper)).isEmpty();
    }

    @Test
    void thePaperCommentFeedHasTheVisibleCommentsAsEscapedHtml() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        long shown = commentId(ada.postForm(comments(paper), Map.of("text", "Nice *result* <script>x</script>")));
        long hidden = commentId(ada.postForm(comments(paper), Map.of("text", "hidden words")));
        moderator.postForm("/comments/" + hidden + "/hide", Map.of("reason", "spam"));

        HttpResponse<String> feed = app.get(Links.paperCommentsFeed(paper));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/atom+xml"));
        assertThat(feed.body()).contains("<content type=\"html\">&lt;p&gt;Nice &lt;em&gt;result&lt;/em&gt; "
                + "&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;&lt;/p&gt;", "#comment-" + shown + "</id>")
                .doesNotContain("hidden words", "<script");
        assertThat(app.get("/feeds/papers/2999.99999/comments.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void aCommentChangesThePaperPagesValidator() {
        ArxivId paper = paper();
        String before = app.get(Links.paper(paper)).headers().firstValue("ETag").orElseThrow();
        app.member(Role.MEMBER).postForm(comments(paper), Map.of("text", "news"));

        assertThat(app.get(Links.paper(paper)).headers().firstValue("ETag")).isPresent()
                .isNotEqualTo(Optional.of(before));
    }

    @Test
    void noPayloadOfTheXssCorpusComesOutActiveOnThePage() {
        ArxivId paper = paper();
        TestMember ada = app.member(Role.MEMBER);
        List<String> payloads = XssCorpus.payloads();
        for (int i = 0; i < payloads.size(); i++) {
            if (i > 0 && i % PER_MEMBER == 0) {
                ada = app.member(Role.MEMBER);
            }
            assertThat(ada.postForm(comments(paper), Map.of("text", payloads.get(i))).statusCode()).isEqualTo(303);
        }

        Matcher bodies = BODIES.matcher(app.get(Links.paper(paper)).body());
        int count = 0;
        while (bodies.find()) {
            assertThat(XssCorpus.isActive(bodies.group(1))).as(bodies.group(1)).isFalse();
            count++;
        }
        assertThat(count).isEqualTo(payloads.size());
    }

    private ArxivId paper() {
        PaperRecord record = PaperFixtures.paper().build();
        app.app().feed().papers().upsert(List.of(record));
        return record.paper().id();
    }

    private List<Comment> thread(ArxivId paper) {
        return app.app().comments().service().thread(paper).stream().map(p -> p.comment()).toList();
    }

    private static String comments(ArxivId paper) {
        return Links.paper(paper) + "/comments";
    }

    private static long commentId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        Matcher m = COMMENT_ID.matcher(response.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
