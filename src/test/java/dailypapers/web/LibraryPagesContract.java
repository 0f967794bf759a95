package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.library.ImportReport;
import dailypapers.library.LibraryService;
import dailypapers.library.PaperCollection;
import dailypapers.paper.ArxivId;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The library over HTTP, on each kind of database: saving, collections and who may read or change them, the
 * picker, BibTeX and RIS downloads, BibTeX import and a public collection's feed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibraryPagesContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestDatabase kind;
    private DatabaseConfig database;
    private TestApp app;
    private String first;
    private String second;
    private String third;

    LibraryPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() throws IOException {
        database = kind.open();
        Path directory = Files.createTempDirectory("dailypapers-library");
        app = TestApp.start(database, directory);
        PageFixtures fixtures = new PageFixtures();
        ObjectNode tricky = fixtures.paper().put("title", "Q&A {braces} 100% of $O(n^{2})$ <script>alert(1)</script>");
        tricky.putArray("authors").add("Zoë O'Brien").add("Smith, Jr., John");
        first = tricky.get("id").asText();
        second = fixtures.paper().get("id").asText();
        third = fixtures.paper().get("id").asText();
        app.importFile(fixtures.write(directory));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
            kind.drop(database);
        }
    }

    @Test
    void theSaveToggleSavesAndUnsavesAndGoesBackToTheSameSitePage() {
        TestMember member = app.member(Role.MEMBER);

        HttpResponse<String> saved = member.postForm("/papers/" + first + "/save",
                Map.of("saved", "true", "next", "/trending?p=0"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/trending?p=0");
        assertThat(member.get("/papers/" + first).body()).contains("aria-pressed=\"true\"", "Saved<span");
        assertThat(PageFixtures.cardIds(member.get("/library").body())).containsExactly(first);

        HttpResponse<String> elsewhere = member.postForm("/papers/" + first + "/save",
                Map.of("saved", "false", "next", "//evil.example/"));
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("/papers/" + first);
        assertThat(PageFixtures.cardIds(member.get("/library").body())).isEmpty();
        assertThat(member.get("/papers/" + first).body()).contains("aria-pressed=\"false\"");
    }

    @Test
    void cardsOnListingsCarryTheMembersSaveToggleThatComesBackToTheCard() {
        TestMember member = app.member(Role.MEMBER);
        member.postForm("/papers/" + second + "/save", Map.of("saved", "true"));
        String day = "/papers/date/2026-08-11";

        String listing = member.get(day).body();
        String anchor = "#paper-" + second.replace('.', '-') + "-title";
        assertThat(PageFixtures.card(listing, second)).contains("action=\"/papers/" + second + "/save\"",
                "name=\"saved\" value=\"false\"", "name=\"next\" value=\"" + day + anchor + "\"",
                "aria-pressed=\"true\"");
        assertThat(PageFixtures.card(listing, third)).contains("name=\"saved\" value=\"true\"",
                "aria-pressed=\"false\"");
        assertThat(PageFixtures.card(member.get("/search?q=Fixture").body(), second)).contains("aria-pressed=\"true\"");
        assertThat(app.get(day).body()).doesNotContain("save-toggle");

        HttpResponse<String> back = member.postForm("/papers/" + third + "/save",
                Map.of("saved", "true", "next", day + anchor));
        assertThat(back.headers().firstValue("Location")).hasValue(day + anchor);
    }

    @Test
    void aScriptGetsJsonAndBadInputIsAClientError() {
        TestMember member = app.member(Role.MEMBER);

        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/papers/" + second
                        + "/save")).header("Cookie", member.cookie()).header("X-CSRF-Token", member.csrfToken())
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("saved=true")).build());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"saved\":true", "\"id\":\"" + second + "\"");
        assertThat(library().isSaved(member.member().id(), new ArxivId(second))).isTrue();
        HttpResponse<String> bad = member.postForm("/papers/" + second + "/save", Map.of("saved", "maybe"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("saved");
        HttpResponse<String> unknown = member.postForm("/papers/2608.01234/save", Map.of("saved", "true"));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousVisitorsAndBannedMembersSaveNothing() {
        assertThat(app.get("/library").statusCode()).isEqualTo(303);
        assertThat(app.get("/library").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/sign-in?next="));
        assertThat(app.get("/papers/" + first).body()).doesNotContain("save-toggle");

        TestMember banned = app.member(Role.MEMBER);
        app.app().accounts().service().ban(banned.member().id());
        HttpResponse<String> response = banned.postForm("/papers/" + first + "/save", Map.of("saved", "true"));
        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(library().isSaved(banned.member().id(), new ArxivId(first))).isFalse();
    }

    @Test
    void aCollectionIsMadeRenamedSharedAndDeletedByItsOwner() {
        TestMember owner = app.member(Role.MEMBER);

        HttpResponse<String> created = owner.postForm("/collections", Map.of("name", "  Reading   group "));
        assertThat(created.statusCode()).isEqualTo(303);
        String href = created.headers().firstValue("Location").orElseThrow();
        assertThat(href).matches("/collections/[0-9]+-reading-group");
        assertThat(owner.get(href).body()).contains("<h1>Reading group</h1>", "Private collection");
        assertThat(app.get(href).statusCode()).isEqualTo(404);

        HttpResponse<String> shared = owner.postForm(href + "/settings",
                Map.of("name", "Journal club", "visibility", "public"));
        String sharedHref = shared.headers().firstValue("Location").orElseThrow();
        assertThat(sharedHref).endsWith("-journal-club");
        assertThat(app.get(sharedHref).body()).contains("<h1>Journal club</h1>", "Public collection")
                .doesNotContain("/settings");
        assertThat(app.get(href).statusCode()).as("the old slug still finds it").isEqualTo(301);

        assertThat(owner.postForm(sharedHref + "/delete", Map.of()).headers().firstValue("Location"))
                .hasValue("/library");
        assertThat(owner.get(sharedHref).statusCode()).isEqualTo(404);
    }

    @Test
    void aRefusedNameComesBackWithWhatWasTypedAndTheMessageBesideTheField() {
        TestMember owner = app.member(Role.MEMBER);
        owner.postForm("/collections", Map.of("name", "Taken"));

        HttpResponse<String> taken = owner.postForm("/collections", Map.of("name", "TAKEN", "visibility", "public"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("value=\"TAKEN\"", "id=\"new-collection-error\"",
                "You have a collection named \"TAKEN\" already.", "value=\"public\" checked");

        HttpResponse<String> empty = owner.postForm("/collections", Map.of("name", " \u202E "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("aria-invalid=\"true\"", "1 to 80 characters");

        String href = owner.postForm("/collections", Map.of("name", "Other")).headers().firstValue("Location")
                .orElseThrow();
        HttpResponse<String> rename = owner.postForm(href + "/settings", Map.of("name", "taken"));
        assertThat(rename.statusCode()).isEqualTo(422);
        assertThat(rename.body()).contains("value=\"taken\"", "id=\"collection-error\"");
    }

    @Test
    void aPrivateCollectionIsNotFoundForEveryoneButItsOwnerEverywhere() {
        TestMember owner = app.member(Role.MEMBER);
        TestMember other = app.member(Role.MEMBER);
        String href = collection(owner, "Secret", false, first);

        for (String path : List.of(href, href + "/export.bib", href + "/export.ris",
                "/feeds" + href + ".atom")) {
            assertThat(owner.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(app.get(path).statusCode()).as(path).isEqualTo(404);
        }
        String missing = "/collections/" + Long.MAX_VALUE / 10;
        assertThat(other.get(missing).body()).isEqualTo(other.get(href).body().replace(href, missing));
    }

    @Test
    void anotherMemberCannotAddToRemoveFromRenameImportIntoOrDeleteACollection() {
        TestMember owner = app.member(Role.MEMBER);
        TestMember other = app.member(Role.MEMBER);
        String href = collection(owner, "Shared", true, first);
        long id = idOf(href);

        assertThat(other.postForm(href + "/settings", Map.of("name", "Mine")).statusCode()).isEqualTo(404);
        assertThat(other.postForm(href + "/remove", Map.of("paper", first)).statusCode()).isEqualTo(404);
        assertThat(other.postForm(href + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.postForm("/papers/" + second + "/collections", Map.of("collection", String.valueOf(id)))
                .statusCode()).isEqualTo(404);
        assertThat(upload(other, href + "/import", "@misc{k, eprint={" + second + "}, archivePrefix={arXiv}}")
                .statusCode()).isEqualTo(404);
        assertThat(app.get(href).statusCode()).isEqualTo(200);
        assertThat(postAnonymously(href + "/delete").statusCode()).isIn(401, 403);

        PaperCollection unchanged = library().owned(owner.member().id(), id);
        assertThat(unchanged.name().value()).isEqualTo("Shared");
        assertThat(PageFixtures.cardIds(app.get(href).body())).containsExactly(first);
        assertThat(library().isSaved(other.member().id(), new ArxivId(second))).isFalse();
    }

    @Test
    void thePickerPutsThePaperInExactlyTheCheckedCollections() {
        TestMember owner = app.member(Role.MEMBER);
        String one = collection(owner, "One", false);
        String two = collection(owner, "Two", false);

        HttpResponse<String> placed = owner.postForm("/papers/" + second + "/collections",
                Map.of("collection", String.valueOf(idOf(two)), "next", "/papers/" + second));
        assertThat(placed.statusCode()).isEqualTo(303);
        String page = owner.get("/papers/" + second).body();
        assertThat(page).contains("value=\"" + idOf(two) + "\" checked", "aria-pressed=\"true\"")
                .doesNotContain("value=\"" + idOf(one) + "\" checked");
        assertThat(PageFixtures.cardIds(owner.get(two).body())).containsExactly(second);
        assertThat(owner.postForm("/papers/" + second + "/collections", Map.of("collection", "x")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void exportsAreDownloadsWithEscapedTitlesAndArxivFields() {
        TestMember owner = app.member(Role.MEMBER);
        String href = collection(owner, "Export me", true, first, second);

        HttpResponse<String> bib = app.get(href + "/export.bib");
        assertThat(bib.headers().firstValue("Content-Type")).hasValue("application/x-bibtex; charset=utf-8");
        assertThat(bib.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"export-me.bib\"");
        assertThat(bib.body()).contains("title         = {{Q\\&A \\{braces\\} 100\\% of $O(n^{2})$"
                        + " <script>alert(1)</script>}},",
                "author        = {Zoë O'Brien and {Smith, Jr., John}},", "eprint        = {" + first + "},",
                "archivePrefix = {arXiv},", "primaryClass  = {cs.LG},", "year          = {2026},",
                "month         = aug,", "@misc{obrien2026q_" + first + ",");

        HttpResponse<String> ris = app.get(href + "/export.ris");
        assertThat(ris.headers().firstValue("Content-Type"))
                .hasValue("application/x-research-info-systems; charset=utf-8");
        assertThat(ris.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"export-me.ris\"");
        assertThat(ris.body()).contains("TY  - UNPB\r\n", "AU  - Zoë O'Brien\r\n", "ER  - \r\n");

        owner.postForm("/papers/" + third + "/save", Map.of("saved", "true"));
        HttpResponse<String> all = owner.get("/library/export.bib");
        assertThat(all.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"library.bib\"");
        assertThat(all.body()).contains("eprint        = {" + first + "}", "eprint        = {" + third + "}");
        assertThat(app.get("/library/export.bib").statusCode()).isEqualTo(303);
    }

    @Test
    void exportingAndImportingTheFileGivesTheSamePapers() {
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        String source = collection(ada, "Source", true, first, second, third);
        String target = collection(bob, "Target", false);

        HttpResponse<String> imported = upload(bob, target + "/import", app.get(source + "/export.bib").body());

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("3 added, 0 already here");
        assertThat(PageFixtures.cardIds(bob.get(target).body()))
                .containsExactlyInAnyOrderElementsOf(PageFixtures.cardIds(app.get(source).body()));
    }

    @Test
    void theImportReportNamesEveryEntryNotAddedByLineAndKey() {
        TestMember owner = app.member(Role.MEMBER);
        String href = collection(owner, "Imported", false);

        HttpResponse<String> response = upload(owner, href + "/import", """
                @misc{good, eprint = {%s}, archivePrefix = {arXiv}}
                @article{absent, journal = {arXiv preprint arXiv:2608.01234}}
                @book{knuth, title = {TAOCP}}
                @article{<script>alert(1)</script>, title = {unclosed
                """.formatted(first));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("1 added", "1 not in this instance", "1 not arXiv papers",
                "1 not readable", "<td>2</td>", "<code>absent</code>", "<td>3</td>", "<code>knuth</code>",
                "<td>4</td>", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(PageFixtures.cardIds(owner.get(href).body())).containsExactly(first);
    }

    @Test
    void anImportWithoutAFileOrTooLargeIsRefusedBesideTheField() {
        TestMember owner = app.member(Role.MEMBER);
        String href = collection(owner, "Limits", false);

        HttpResponse<String> empty = upload(owner, href + "/import", "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"import-error\"", "Choose a BibTeX file");
        HttpResponse<String> large = upload(owner, href + "/import", "%".repeat(ImportReport.MAX_BYTES + 1));
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("id=\"import-error\"", "at most 1024 KiB");
    }

    @Test
    void aPublicCollectionHasAFeedOfItsPapersAndAnnouncesIt() {
        TestMember owner = app.member(Role.MEMBER);
        String href = collection(owner, "Feed <me>", true, second, third);

        HttpResponse<String> feed = app.get("/feeds" + href + ".atom");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/atom+xml"));
        assertThat(feed.body()).contains("<title>Daily Papers — collection: Feed &lt;me&gt;</title>",
                "/papers/" + second, "/papers/" + third);
        assertThat(app.get(href).body()).contains("type=\"application/atom+xml\"", "href=\"/feeds" + href + ".atom\"",
                "Feed &lt;me&gt;");
        assertThat(app.get("/feeds" + href).statusCode()).isEqualTo(404);
    }

    @Test
    void theApiListsTheMembersLibraryAndAnswers401WithoutASession() {
        TestMember member = app.member(Role.MEMBER);
        String href = collection(member, "Api", true, first);
        member.postForm("/papers/" + third + "/save", Map.of("saved", "true"));

        HttpResponse<String> response = member.get("/api/me/library?limit=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"total\":2", "\"id\":\"" + third + "\"", "\"name\":\"Api\"",
                "\"visibility\":\"public\"", "\"numPapers\":1", href + "\"").doesNotContain(first + "\",\"title");
        assertThat(response.headers().firstValue("Link")).hasValue("</api/me/library?limit=1&p=1>; rel=\"next\"");
        assertThat(member.get("/api/me/library?limit=0").body()).contains("\"parameter\":\"limit\"");
        HttpResponse<String> anonymous = app.get("/api/me/library");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    /** Makes a collection through the pages and adds papers to it through the picker; returns its link. */
    private String collection(TestMember owner, String name, boolean isPublic, String... papers) {
        Map<String, String> form = isPublic ? Map.of("name", name, "visibility", "public") : Map.of("name", name);
        String href = owner.postForm("/collections", form).headers().firstValue("Location").orElseThrow();
        for (String paper : papers) {
            Optional<String> checked = Optional.of(String.valueOf(idOf(href)));
            assertThat(owner.postForm("/papers/" + paper + "/collections", Map.of("collection", checked.get()))
                    .statusCode()).isEqualTo(303);
        }
        return href;
    }

    private static long idOf(String href) {
        String reference = href.substring(href.lastIndexOf('/') + 1);
        return Long.parseLong(reference.split("-")[0]);
    }

    private LibraryService library() {
        return app.app().libraries().service();
    }

    private HttpResponse<String> upload(TestMember member, String path, String content) {
        String boundary = "----library" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + member.csrfToken()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"bibtex\"; filename=\"refs.bib\""
                + "\r\nContent-Type: application/x-bibtex\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Cookie", member.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> postAnonymously(String path) {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=guess")).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
