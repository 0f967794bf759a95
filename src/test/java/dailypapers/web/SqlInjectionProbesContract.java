package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.submission.SubmissionSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classic SQL injection payloads in every path parameter of every route, in every query parameter the pages and the
 * API read, in every form field the member routes read, and in a bearer token: each answer is a 2xx, 3xx or 4xx,
 * never a 500, and afterwards every table still holds the rows it held. Sent by an admin, so that role checks let the
 * payload reach the handler; sign-out routes are left out, since they would end the probing session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlInjectionProbesContract {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}|<[^>]+>");
    private static final List<String> QUERY_PARAMETERS = List.of("q", "date", "page", "p", "sort", "category",
            "submitter", "limit", "next", "token", "mode", "since", "source");
    private static final List<String> FORM_FIELDS = List.of("action", "author", "collection", "currentPassword",
            "days", "deletePassword", "displayName", "email", "emailPassword", "handle", "id", "kind", "name",
            "newPassword", "next", "note", "paper", "parent", "password", "reason", "saved", "scope",
            "show_upvotes", "target", "text", "token", "visibility");
    private static final List<String> TABLES = List.of("paper", "member", "member_session", "comment",
            "audit_log", "submission", "paper_collection", "library_entry", "vote", "api_token");

    private final TestDatabase kind;
    private MembersApp members;
    private TestMember admin;
    private Map<String, Long> rowsBefore;

    SqlInjectionProbesContract(TestDatabase kind) {
        this.kind = kind;
    }

    static Stream<String> payloads() {
        return Stream.of("' OR 1=1 --", "\"; DROP TABLE paper; --", "1; DROP TABLE member", "') OR ('1'='1",
                "1 UNION SELECT password_hash FROM member --", "%' AND 1=0 --", "\\'; DELETE FROM comment; --",
                "$$; DROP TABLE paper; $$", "2401.09603' OR '1'='1");
    }

    @BeforeAll
    void start() {
        members = new MembersApp(kind, new SubmissionSettings(7, 3, false));
        ArxivId paper = members.recentPaper();
        TestMember author = members.app.member(Role.MEMBER);
        author.postForm("/papers/" + paper.value() + "/comments", Map.of("text", "A comment to keep"));
        author.postForm("/papers/" + paper.value() + "/upvote", Map.of("action", "add"));
        author.postForm("/collections", Map.of("name", "Kept"));
        admin = members.app.member(Role.ADMIN);
        rowsBefore = rows();
        assertThat(rowsBefore).as("rows a payload could destroy").containsEntry("paper", 1L)
                .containsEntry("comment", 1L).containsEntry("vote", 1L).containsEntry("paper_collection", 1L);
    }

    @AfterAll
    void stop() {
        if (members != null) {
            members.close();
        }
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPayloadInAnyParameterIsAnsweredWithoutA500AndEveryTableKeepsItsRows(String payload) throws Exception {
        List<String> failures = new ArrayList<>();
        String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
        String query = QUERY_PARAMETERS.stream().map(name -> name + "=" + encoded).collect(Collectors.joining("&"));
        Map<String, String> form = new LinkedHashMap<>();
        FORM_FIELDS.forEach(field -> form.put(field, payload));
        for (Web.Route route : members.app.web().routes()) {
            if (route.path().endsWith("sign-out") || route.path().endsWith("sign-out-everywhere")) {
                continue;
            }
            String path = PATH_PARAMETER.matcher(route.path()).replaceAll(encoded.replace("$", "\\$"));
            HttpResponse<String> response = switch (route.method()) {
                case "GET" -> admin.get(path + "?" + query);
                case "POST" -> admin.postForm(path, form);
                case "DELETE" -> admin.delete(path);
                default -> null;
            };
            if (response != null && response.statusCode() >= 500) {
                failures.add(route.method() + " " + path + " -> " + response.statusCode());
            }
        }
        HttpResponse<String> bearer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(members.app.baseUrl() + "/api/me")).header("Authorization", "Bearer dp_" + payload)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(401);

        assertThat(failures).as("routes that answered 5xx to " + payload).isEmpty();
        assertThat(admin.get("/api/me").statusCode()).as("the probing session still works").isEqualTo(200);
        // Probes may add rows (a collection named by the payload); none may take any away.
        rows().forEach((table, count) -> assertThat(count).as(table).isGreaterThanOrEqualTo(rowsBefore.get(table)));
    }

    private Map<String, Long> rows() {
        var database = members.database();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("a table is gone or unreadable: " + e.getMessage(), e);
        }
        return counts;
    }
}
