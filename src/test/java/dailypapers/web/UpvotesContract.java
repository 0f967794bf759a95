package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestHttp;
import dailypapers.TestMember;
import dailypapers.account.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Upvotes and personal access tokens over HTTP, on one database kind per subclass: the button's form without
 * script and with it (fetch-style headers), the API with tokens, every rule, and the count on every surface.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpvotesContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-08-21";
    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\"[^>]*value=\"(dp_[A-Za-z0-9_-]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final PageFixtures fixtures = new PageFixtures();
    private TestApp app;

    /** The app on this subclass's database, empty. */
    protected abstract TestApp startApp();

    /** Drops what {@link #startApp()} made, after the app is closed. */
    protected abstract void dropDatabase();

    @BeforeAll
    void start() {
        app = startApp();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
            dropDatabase();
        }
    }

    /** A new featured paper (day {@value #DAY}) with {@code upstream} upvotes from Hugging Face. */
    private String featuredPaper(int upstream) {
        ObjectNode paper = fixtures.paper().put("hf_daily_date", DAY).put("published", "2026-08-20")
                .put("upvotes", upstream);
        app.importFile(fixtures.write(app.directory()));
        return paper.get("id").asText();
    }

    @Test
    void theButtonsFormWithoutScriptUpvotesOnceAndRedirectsBackToTheCard() throws IOException {
        String id = featuredPaper(7);
        TestMember ada = app.member(Role.MEMBER);
        String next = "/papers/date/" + DAY + "#paper-" + id.replace('.', '-');

        HttpResponse<String> first = ada.postForm("/papers/" + id + "/upvote", Map.of("action", "add", "next", next));
        HttpResponse<String> again = ada.postForm("/papers/" + id + "/upvote", Map.of("action", "add", "next", next));

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue(next);
        assertThat(again.statusCode()).as("a double submit").isEqualTo(303);
        assertThat(apiUpvotes(id)).isEqualTo(8);
        String card = PageFixtures.card(ada.get("/papers/date/" + DAY).body(), id);
        assertThat(card).contains("aria-pressed=\"true\"", "name=\"action\" value=\"remove\"",
                "action=\"/papers/" + id + "/upvote\"", "<span class=\"count\" aria-hidden=\"true\">8</span>");
        assertThat(PageFixtures.card(app.member(Role.MEMBER).get("/papers/date/" + DAY).body(), id))
                .as("another member's page").contains("aria-pressed=\"false\"", "name=\"action\" value=\"add\"");
        assertThat(ada.get("/papers/" + id).body()).contains("aria-pressed=\"true\"");

        assertThat(ada.postForm("/papers/" + id + "/upvote", Map.of("action", "remove", "next", next)).statusCode())
                .isEqualTo(303);
        assertThat(ada.postForm("/papers/" + id + "/upvote", Map.of("action", "remove")).headers()
                .firstValue("Location")).as("without next: the paper's page").hasValue("/papers/" + id);
        assertThat(apiUpvotes(id)).isEqualTo(7);
    }

    @Test
    void theButtonsScriptGetsTheNewStateAsJson() throws IOException {
        String id = featuredPaper(2);
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> added = fetchForm(ada, "/papers/" + id + "/upvote", "add");
        HttpResponse<String> removed = fetchForm(ada, "/papers/" + id + "/upvote", "remove");

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(added.body())).isEqualTo(JSON.readTree(
                "{\"id\":\"" + id + "\",\"upvoted\":true,\"upvotes\":3}"));
        assertThat(JSON.readTree(removed.body()).get("upvotes").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(removed.body()).get("upvoted").asBoolean()).isFalse();
    }

    @Test
    void anonymousVisitorsSeeASignInLinkBackToThePageAndCannotVote() {
        String id = featuredPaper(4);

        String card = PageFixtures.card(app.get("/papers/date/" + DAY).body(), id);
        HttpResponse<String> post = post("/papers/" + id + "/upvote", "action=add", Map.of());

        assertThat(card).doesNotContain("<form").contains("href=\"/sign-in?next=%2Fpapers%2Fdate%2F" + DAY
                + "%23paper-" + id.replace('.', '-') + "\"");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(apiUpvotes(id)).isEqualTo(4);
        assertThat(app.get("/").body()).as("no script for anonymous pages").doesNotContain("upvote.js");
    }

    @Test
    void aVoteWithoutTheFormTokenOrFromAnotherSiteChangesNothing() {
        String id = featuredPaper(4);
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> noToken = ada.postFormWithoutToken("/papers/" + id + "/upvote", Map.of("action", "add"));
        HttpResponse<String> crossSite = post("/papers/" + id + "/upvote", "action=add&csrf=" + ada.csrfToken(),
                Map.of("Cookie", ada.cookie(), "Sec-Fetch-Site", "cross-site"));

        // A browser adds Basic credentials by itself (a password-protected proxy), even to another site's forms.
        HttpResponse<String> basic = post("/papers/" + id + "/upvote", "action=add",
                Map.of("Cookie", ada.cookie(), "Authorization", "Basic YWRhOnNlY3JldA=="));
        // A bearer that is no member's token makes the request nobody's: the cookie beside it is not read.
        HttpResponse<String> otherBearer = post("/papers/" + id + "/upvote", "action=add",
                Map.of("Cookie", ada.cookie(), "Authorization", "Bearer not-a-member-token"));

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(basic.statusCode()).isEqualTo(403);
        assertThat(otherBearer.statusCode()).isEqualTo(401);
        assertThat(apiUpvotes(id)).isEqualTo(4);
    }

    @Test
    void aBannedOrSuspendedMemberCannotVoteByFormOrToken() {
        String id = featuredPaper(1);
        TestMember mallory = app.member(Role.MEMBER);
        String token = createToken(mallory, "write");
        app.app().accounts().service().ban(mallory.member().id());

        assertThat(mallory.postForm("/papers/" + id + "/upvote", Map.of("action", "add")).statusCode())
                .isEqualTo(401);
        assertThat(bearer("POST", "/api/papers/" + id + "/upvote", token).statusCode()).isEqualTo(401);

        TestMember suspended = app.member(Role.MEMBER);
        String suspendedToken = createToken(suspended, "write");
        app.app().moderation().service().suspend(app.member(Role.MODERATOR).member(), suspended.member().id(), "3",
                "voting ring");
        assertThat(suspended.postForm("/papers/" + id + "/upvote", Map.of("action", "add")).statusCode())
                .isEqualTo(403);
        assertThat(bearer("POST", "/api/papers/" + id + "/upvote", suspendedToken).statusCode()).isEqualTo(403);
        assertThat(apiUpvotes(id)).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        String id = featuredPaper(1);
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> noAction = ada.postForm("/papers/" + id + "/upvote", Map.of());
        HttpResponse<String> toggle = ada.postForm("/papers/" + id + "/upvote", Map.of("action", "toggle"));
        HttpResponse<String> unknown = ada.postForm("/papers/2101.99999/upvote", Map.of("action", "add"));
        HttpResponse<String> offSite = ada.postForm("/papers/" + id + "/upvote",
                Map.of("action", "add", "next", "//evil.example/steal"));

        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(noAction.body()).contains("action");
        assertThat(toggle.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(offSite.statusCode()).isEqualTo(303);
        assertThat(offSite.headers().firstValue("Location")).as("only same-site paths").hasValue("/");
    }

    @Test
    void theCountIncludesMembersVotesOnEverySurface() throws IOException {
        String id = featuredPaper(40);
        for (int i = 0; i < 3; i++) {
            app.member(Role.MEMBER).postForm("/papers/" + id + "/upvote", Map.of("action", "add"));
        }

        assertThat(apiUpvotes(id)).isEqualTo(43);
        assertThat(dailyItem("/api/daily_papers?date=" + DAY, id).path("paper").path("upvotes").asInt())
                .isEqualTo(43);
        assertThat(dailyItem("/api/daily_papers?sort=trending&limit=100", id).path("paper").path("upvotes").asInt())
                .isEqualTo(43);
        assertThat(PageFixtures.card(app.get("/papers/date/" + DAY).body(), id))
                .contains("<span class=\"count\" aria-hidden=\"true\">43</span>");
        assertThat(PageFixtures.card(app.get("/trending").body(), id))
                .contains("<span class=\"count\" aria-hidden=\"true\">43</span>");
        assertThat(app.get("/papers/" + id).body()).contains("43 upvotes");
        assertThat(app.get("/feeds/daily.atom?date=" + DAY).body()).contains("43 upvotes");
    }

    @Test
    void votingAPaperNeverFeaturedShowsInTheNewListingOnly() throws IOException {
        ObjectNode paper = fixtures.paper().put("published", "2026-08-19").put("upvotes", 0);
        paper.putNull("hf_daily_date");
        app.importFile(fixtures.write(app.directory()));
        String id = paper.get("id").asText();

        app.member(Role.MEMBER).postForm("/papers/" + id + "/upvote", Map.of("action", "add"));

        assertThat(PageFixtures.card(app.get("/new/2026-08-19").body(), id))
                .contains("<span class=\"count\" aria-hidden=\"true\">1</span>");
        assertThat(PageFixtures.cardIds(app.get("/papers/date/2026-08-19").body())).doesNotContain(id);
        assertThat(JSON.readTree(app.get("/api/daily_papers?date=2026-08-19").body())).isEmpty();
        assertThat(PageFixtures.cardIds(app.get("/trending").body())).doesNotContain(id);
    }

    @Test
    void aTokenIsShownOnceAndWorksOnTheApiByItsScope() throws IOException {
        String id = featuredPaper(10);
        TestMember ada = app.member(Role.MEMBER);
        String read = createToken(ada, "read");
        String write = createToken(ada, "write");

        assertThat(ada.get("/settings/tokens").body()).doesNotContain(read, write);
        JsonNode me = JSON.readTree(bearer("GET", "/api/me", read).body());
        assertThat(me.get("_id").asText()).isEqualTo(Long.toString(ada.member().id()));
        assertThat(me.get("name").asText()).isEqualTo(ada.member().handle().value());

        HttpResponse<String> readVote = bearer("POST", "/api/papers/" + id + "/upvote", read);
        assertThat(readVote.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(readVote.body()).get("code").asText()).isEqualTo("forbidden");
        HttpResponse<String> writeVote = bearer("POST", "/api/papers/" + id + "/upvote", write);
        assertThat(writeVote.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(writeVote.body()).get("upvotes").asInt()).isEqualTo(11);
        assertThat(bearer("POST", "/api/papers/" + id + "/upvote", write).statusCode()).as("twice: one vote")
                .isEqualTo(200);
        assertThat(apiUpvotes(id)).isEqualTo(11);

        JsonNode upvoted = JSON.readTree(bearer("GET", "/api/me/upvotes", read).body());
        assertThat(upvoted).hasSize(1);
        assertThat(upvoted.get(0).path("paper").path("id").asText()).isEqualTo(id);
        assertThat(upvoted.get(0).path("upvotedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");

        String later = featuredPaper(0);
        assertThat(bearer("POST", "/api/papers/" + later + "/upvote", write).statusCode()).isEqualTo(200);
        HttpResponse<String> firstPage = bearer("GET", "/api/me/upvotes?limit=1", read);
        assertThat(JSON.readTree(firstPage.body())).singleElement()
                .satisfies(item -> assertThat(item.path("paper").path("id").asText()).as("newest vote first")
                        .isEqualTo(later));
        assertThat(firstPage.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("limit=1", "p=1", "rel=\"next\""));
        assertThat(JSON.readTree(bearer("GET", "/api/me/upvotes?limit=1&p=1", read).body())).singleElement()
                .satisfies(item -> assertThat(item.path("paper").path("id").asText()).isEqualTo(id));

        assertThat(bearer("DELETE", "/api/papers/" + id + "/upvote", write).statusCode()).isEqualTo(200);
        assertThat(apiUpvotes(id)).isEqualTo(10);
        assertThat(ada.get("/settings/tokens").body()).as("last used is shown").doesNotContain(">never<");
    }

    @Test
    void missingBadAndRevokedTokensAreJson401AndTokensStayOffPages() throws IOException {
        TestMember ada = app.member(Role.MEMBER);
        String token = createToken(ada, "write");

        HttpResponse<String> none = app.get("/api/me");
        HttpResponse<String> bad = bearer("GET", "/api/me", "dp_" + "x".repeat(43));
        HttpResponse<String> onAPage = bearer("GET", "/settings/tokens", token);
        HttpResponse<String> makingTokens = bearer("POST", "/settings/tokens", token);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("code").asText()).isEqualTo("unauthorized");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(bad.body()).get("code").asText()).isEqualTo("unauthorized");
        assertThat(onAPage.statusCode()).isEqualTo(401);
        assertThat(makingTokens.statusCode()).isEqualTo(401);
        assertThat(app.get("/api/daily_papers?date=" + DAY).statusCode()).as("no token, as before").isEqualTo(200);

        long tokenId = app.app().tokens().service().tokens(ada.member().id()).getFirst().id();
        TestMember mallory = app.member(Role.MEMBER);
        assertThat(mallory.postForm("/settings/tokens/" + tokenId + "/revoke", Map.of()).statusCode())
                .as("another member's token").isEqualTo(404);
        assertThat(bearer("GET", "/api/me", token).statusCode()).isEqualTo(200);
        assertThat(ada.postForm("/settings/tokens/" + tokenId + "/revoke", Map.of()).statusCode()).isEqualTo(303);
        assertThat(bearer("GET", "/api/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenFormComesBackWithWhatWasTypedAndTheReason() {
        TestMember ada = app.member(Role.MEMBER);

        HttpResponse<String> blank = ada.postForm("/settings/tokens", Map.of("name", "  ", "scope", "write"));
        HttpResponse<String> badScope = ada.postForm("/settings/tokens", Map.of("name", "my <script>", "scope",
                "admin"));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"token-name-error\"", "value=\"write\" checked");
        assertThat(badScope.statusCode()).isEqualTo(400);
        assertThat(badScope.body()).contains("a scope is read or write", "value=\"my &lt;script")
                .doesNotContain("my <script>");
        assertThat(ada.get("/settings/tokens").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(app.get("/settings/tokens").statusCode()).as("anonymous: to sign in").isEqualTo(303);
    }

    @Test
    void manyMembersVotingAtOnceTwiceEachCountExactly() throws Exception {
        String id = featuredPaper(100);
        List<TestMember> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(app.member(Role.MEMBER));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (TestMember member : members) {
                for (int twice = 0; twice < 2; twice++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return fetchForm(member, "/papers/" + id + "/upvote", "add").statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(apiUpvotes(id)).isEqualTo(100 + members.size());
    }

    /** Creates a token on the settings page, as a member does, and reads its secret off the answer. */
    private String createToken(TestMember member, String scope) {
        HttpResponse<String> created = member.postForm("/settings/tokens", Map.of("name", scope + " token",
                "scope", scope));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as("the secret is shown").isTrue();
        return secret.group(1);
    }

    private int apiUpvotes(String id) {
        try {
            return JSON.readTree(app.get("/api/papers/" + id).body()).get("upvotes").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode dailyItem(String target, String id) throws IOException {
        for (JsonNode item : JSON.readTree(app.get(target).body())) {
            if (item.path("paper").path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + target);
    }

    /** The button's form as upvote.js sends it: form fields, the token in its header, JSON asked for. */
    private HttpResponse<String> fetchForm(TestMember member, String path, String action) {
        return post(path, "action=" + action, Map.of("Cookie", member.cookie(), "X-CSRF-Token", member.csrfToken(),
                "Accept", "application/json"));
    }

    private HttpResponse<String> post(String path, String form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> bearer(String method, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }
}
