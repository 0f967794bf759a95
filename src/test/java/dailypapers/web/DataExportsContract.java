package dailypapers.web;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.App;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.TestHttp;
import dailypapers.TestMember;
import dailypapers.account.AccountService;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.digest.Cadence;
import dailypapers.digest.Preferences;
import dailypapers.digest.Topic;
import dailypapers.library.PaperCollection;
import dailypapers.library.Visibility;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.store.DatabaseConfig;
import dailypapers.token.TokenScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Downloads over HTTP on each kind of database: a member's own data, every section of it and nothing else (no
 * secret, no other member's rows), refused to anyone not signed in; and every paper for admins only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataExportsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The test clock's day, young enough to submit a paper published on it. */
    private static final LocalDate TODAY = LocalDate.of(2026, 8, 22);

    private final TestDatabase kind;
    private final HttpClient http = HttpClient.newHttpClient();
    private DatabaseConfig config;
    private TestApp app;

    /** Ada, whose data is exported, with everything a member can leave behind; and Bob, who must not show. */
    private TestMember ada;
    private TestMember bob;
    private String adaToken;
    private String bobToken;
    private PaperRecord upvoted;
    private PaperRecord commented;
    private PaperRecord collected;
    private PaperRecord submitted;
    private long collection;

    DataExportsContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() throws IOException {
        config = kind.open();
        app = TestApp.start(config, Files.createTempDirectory("dailypapers-exports"));
        App services = app.app();
        ada = app.member(Role.MEMBER);
        bob = app.member(Role.MEMBER);
        Member adaMember = ada.member();
        long adaId = adaMember.id();
        upvoted = stored(paper().featuredOn(TODAY));
        commented = stored(paper().title("Comments on “attention” 🧪"));
        collected = stored(paper());
        submitted = stored(paper().published(TODAY));

        services.votes().service().set(adaId, upvoted.paper().id(), true);
        services.votes().service().set(bob.member().id(), commented.paper().id(), true);
        long shown = services.comments().service().post(adaMember, "127.0.0.1", commented.paper().id(),
                Optional.empty(), "First *draft*");
        services.comments().service().edit(adaMember, shown, "Second **thought** <b>as typed</b>");
        long hidden = services.comments().service().post(adaMember, "127.0.0.1", commented.paper().id(),
                Optional.of(shown), "rude reply");
        services.comments().service().hide(hidden, app.member(Role.MODERATOR).member().id(), "rude");
        services.comments().service().post(bob.member(), "127.0.0.1", commented.paper().id(), Optional.empty(),
                "Bob's own words");
        PaperCollection reading = services.libraries().service().create(adaId, "Reading group", Visibility.PUBLIC);
        collection = reading.id();
        services.libraries().service().add(adaId, collection, collected.paper().id());
        services.libraries().service().save(adaId, upvoted.paper().id());
        services.digests().subscriptions().subscribe(adaMember.email().value(), new Preferences(Cadence.WEEKLY,
                ZoneId.of("Europe/Paris"), List.of(Topic.category("cs.CL"), Topic.author("Ada Lovelace"))),
                Optional.of(adaMember));
        adaToken = services.tokens().service().create(adaId, "laptop script", TokenScope.READ).secret();
        bobToken = services.tokens().service().create(bob.member().id(), "bob's bot", TokenScope.WRITE).secret();
        services.submissions().submissions().submit(adaMember, submitted.paper().id().value());
        services.submissions().claims().claim(adaMember, collected.paper().id(), "Ada Lovelace");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
            kind.drop(config);
        }
    }

    private PaperRecord stored(PaperFixtures.Builder builder) {
        PaperRecord record = builder.build();
        app.app().feed().papers().upsert(List.of(record));
        return record;
    }

    private JsonNode adasExport() throws IOException {
        HttpResponse<String> response = ada.get("/settings/export.json");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theDownloadIsAnUncachedJsonAttachmentNamedForTheMemberAndDay() {
        HttpResponse<String> response = ada.get("/settings/export.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"dailypapers-"
                + ada.member().handle().value() + "-2026-08-22.json\"");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theExportSaysWhatItIsAndHoldsTheAccount() throws IOException {
        JsonNode export = adasExport();

        assertThat(export.get("format").asText()).isEqualTo("dailypapers-member-data");
        assertThat(export.get("version").asInt()).isEqualTo(1);
        assertThat(export.get("exportedAt").asText()).isEqualTo("2026-08-22T12:00:00Z");
        JsonNode account = export.get("account");
        assertThat(account.get("id").asLong()).isEqualTo(ada.member().id());
        assertThat(account.get("email").asText()).isEqualTo(ada.member().email().value());
        assertThat(account.get("handle").asText()).isEqualTo(ada.member().handle().value());
        assertThat(account.get("displayName").asText()).isEqualTo(ada.member().displayName().value());
        assertThat(account.get("role").asText()).isEqualTo("member");
        assertThat(account.get("state").asText()).isEqualTo("active");
        assertThat(account.get("createdAt").asText()).isEqualTo(ada.member().createdAt().toString());
        assertThat(account.get("preferences").get("showUpvotesOnProfile").asBoolean()).isFalse();
    }

    @Test
    void theExportHoldsEveryOtherSectionOfTheMembersData() throws IOException {
        JsonNode export = adasExport();

        assertThat(export.get("apiTokens")).singleElement().satisfies(token -> {
            assertThat(token.get("name").asText()).isEqualTo("laptop script");
            assertThat(token.get("scope").asText()).isEqualTo("read");
            assertThat(token.fieldNames()).toIterable().containsExactly("name", "scope", "createdAt", "lastUsedAt");
        });
        assertThat(export.get("upvotes")).singleElement().satisfies(vote -> {
            assertThat(vote.get("paperId").asText()).isEqualTo(id(upvoted));
            assertThat(vote.get("title").asText()).isEqualTo(upvoted.paper().title());
            assertThat(vote.get("upvotedAt").asText()).isEqualTo("2026-08-22T12:00:00Z");
        });
        JsonNode comments = export.get("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("paperId").asText()).isEqualTo(id(commented));
        assertThat(comments.get(0).get("title").asText()).isEqualTo("Comments on “attention” 🧪");
        assertThat(comments.get(0).get("text").asText()).isEqualTo("Second **thought** <b>as typed</b>");
        assertThat(comments.get(0).get("state").asText()).isEqualTo("visible");
        assertThat(comments.get(0).get("editedAt").isTextual()).isTrue();
        assertThat(comments.get(1).get("parentId").asLong()).isEqualTo(comments.get(0).get("id").asLong());
        assertThat(comments.get(1).get("state").asText()).isEqualTo("hidden");
        assertThat(comments.get(1).get("hiddenReason").asText()).isEqualTo("rude");

        JsonNode library = export.get("library");
        assertThat(library.get("saved").findValuesAsText("paperId")).containsExactlyInAnyOrder(id(collected),
                id(upvoted));
        assertThat(library.get("collections")).singleElement().satisfies(c -> {
            assertThat(c.get("id").asLong()).isEqualTo(collection);
            assertThat(c.get("name").asText()).isEqualTo("Reading group");
            assertThat(c.get("visibility").asText()).isEqualTo("public");
            assertThat(c.get("papers").findValuesAsText("paperId")).containsExactly(id(collected));
            assertThat(c.get("papers").get(0).get("addedAt").isTextual()).isTrue();
        });

        JsonNode subscription = export.get("subscription");
        assertThat(subscription.get("email").asText()).isEqualTo(ada.member().email().value());
        assertThat(subscription.get("cadence").asText()).isEqualTo("weekly");
        assertThat(subscription.get("timeZone").asText()).isEqualTo("Europe/Paris");
        // A member's own confirmed address needs no mail to confirm it.
        assertThat(subscription.get("state").asText()).isEqualTo("confirmed");
        assertThat(subscription.get("confirmedAt").asText()).isEqualTo("2026-08-22T12:00:00Z");
        assertThat(subscription.get("topics").findValuesAsText("value")).containsExactly("cs.CL", "Ada Lovelace");

        assertThat(export.get("submissions")).singleElement().satisfies(s -> {
            assertThat(s.get("paperId").asText()).isEqualTo(id(submitted));
            assertThat(s.get("day").asText()).isEqualTo("2026-08-22");
            assertThat(s.get("hiddenAt").isNull()).isTrue();
        });
        assertThat(export.get("authorClaims")).singleElement().satisfies(c -> {
            assertThat(c.get("paperId").asText()).isEqualTo(id(collected));
            assertThat(c.get("authorName").asText()).isEqualTo("Ada Lovelace");
            assertThat(c.get("state").asText()).isEqualTo("pending");
        });
    }

    @Test
    void noSecretAndNoOtherMembersDataIsInTheExport() {
        String body = ada.get("/settings/export.json").body();

        assertThat(body).doesNotContain("$argon2", ada.password(), ada.session().token(),
                AccountService.tokenHash(ada.session().token()), adaToken, AccountService.tokenHash(adaToken),
                "password", "secret", "tokenHash");
        assertThat(body).doesNotContain(bob.member().email().value(), bob.member().handle().value(),
                "Bob's own words", "bob's bot", bobToken);
        assertThat(bob.get("/settings/export.json").body()).doesNotContain(ada.member().email().value(),
                "laptop script", "Reading group", "Second **thought**");
    }

    @Test
    void aTokenFetchesItsOwnMembersExportFromTheApiOnly() throws IOException {
        HttpResponse<String> api = withToken("/api/me/export", adaToken);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api.body()).get("account").get("email").asText())
                .isEqualTo(ada.member().email().value());

        assertThat(withToken("/settings/export.json", adaToken).statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousVisitorsAreSentToSignInOrRefused() {
        HttpResponse<String> page = app.get("/settings/export.json");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/sign-in?next="));

        HttpResponse<String> api = app.get("/api/me/export");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void adminsDownloadEveryPaperAsGzippedJsonLinesAndMembersMayNot() throws IOException {
        // Without an admin token the server's own machine is the admin (see AdminAccess).
        HttpResponse<byte[]> response = TestHttp.send(http, HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/admin/export/papers.jsonl.gz")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/gzip");
        assertThat(response.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"dailypapers-papers-2026-08-22.jsonl.gz\"");
        String lines = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(lines.lines().map(line -> line.substring(0, line.indexOf(',')))).containsExactly(
                "{\"id\":\"" + id(upvoted) + "\"", "{\"id\":\"" + id(commented) + "\"",
                "{\"id\":\"" + id(collected) + "\"", "{\"id\":\"" + id(submitted) + "\"");

        assertThat(ada.get("/admin/export/papers.jsonl.gz").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> withToken(String path, String token) {
        return TestHttp.send(http, HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + token).build());
    }

    private static String id(PaperRecord record) {
        return record.paper().id().value();
    }
}
