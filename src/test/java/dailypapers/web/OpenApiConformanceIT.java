package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.account.Role;
import dailypapers.token.TokenScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Live responses of every operation of the API, with data and at its edges (empty lists, null fields, errors), hold
 * to the schemas of the OpenAPI document the server publishes, checked by a JSON Schema validator in the OpenAPI 3.1
 * dialect with formats asserted. The test closes every object schema of the document ({@code additionalProperties:
 * false}), so a field the server sends but the document does not declare fails too.
 */
class OpenApiConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Where the registry finds the document; the name is never fetched. */
    private static final String DOCUMENT = "https://dailypapers.invalid/openapi.json";

    private static TestApp app;
    private static JsonNode document;
    private static SchemaRegistry schemas;
    private static String featuredId;
    private static String neverFeaturedId;
    /** A paper of the sample a member submitted: featured today (the test clock's day) under their name. */
    private static String submittedId;
    private static LocalDate busiestDay;

    /** A member's tokens, for the operations about the member. */
    private static String readToken;
    private static String writeToken;

    /**
     * One request: the documented method and path it exercises, the request, the status it must answer, and the
     * personal access token it sends (null for none).
     */
    private record Case(String method, String path, String target, int status, String token) {

        Case(String path, String target, int status) {
            this("GET", path, target, status, null);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.withSample();
        document = JSON.readTree(app.get("/api/openapi.json").body());
        String closedDocument = JSON.writeValueAsString(closed(document.deepCopy()));
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT, closedDocument))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        TreeMap<LocalDate, Integer> featuredByDay = new TreeMap<>();
        for (var record : TestData.sampleRecords()) {
            if (record.get("hf_daily_date").isNull()) {
                submittedId = neverFeaturedId;
                neverFeaturedId = record.get("id").asText();
            } else {
                featuredId = record.get("id").asText();
                featuredByDay.merge(LocalDate.parse(record.get("hf_daily_date").asText()), 1, Integer::sum);
            }
        }
        busiestDay = featuredByDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long member = app.member(Role.MEMBER).member().id();
        readToken = app.app().tokens().service().create(member, "read", TokenScope.READ).secret();
        writeToken = app.app().tokens().service().create(member, "write", TokenScope.WRITE).secret();
        app.app().submissions().submissions().submit(app.member(Role.MODERATOR).member(), submittedId);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Every object schema (one with properties) admits no property it does not declare. */
    private static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(OpenApiConformanceIT::closed);
        } else if (node.isArray()) {
            node.forEach(OpenApiConformanceIT::closed);
        }
        return node;
    }

    private static List<Case> cases() {
        return List.of(
                new Case("/api/daily_papers", "/api/daily_papers?date=" + busiestDay, 200),
                new Case("/api/daily_papers", "/api/daily_papers?limit=3", 200),
                new Case("/api/daily_papers", "/api/daily_papers?date=" + LocalDate.ofInstant(
                        TestApp.FIXED_CLOCK.instant(), ZoneOffset.UTC), 200),
                new Case("/api/daily_papers", "/api/daily_papers?sort=trending&limit=100", 200),
                new Case("/api/daily_papers", "/api/daily_papers?date=1999-01-01", 200),
                new Case("/api/daily_papers", "/api/daily_papers?limit=0", 400),
                new Case("/api/papers/search", "/api/papers/search?q=language+models&limit=120", 200),
                new Case("/api/papers/search", "/api/papers/search?q=" + neverFeaturedId, 200),
                new Case("/api/papers/search", "/api/papers/search?q=zzqqxx+nothing+matches&mode=keyword", 200),
                new Case("/api/papers/search", "/api/papers/search", 400),
                new Case("/api/papers/{id}/similar", "/api/papers/" + featuredId + "/similar", 200),
                new Case("/api/papers/{id}/similar", "/api/papers/2101.99999/similar", 404),
                new Case("/api/papers/{id}/similar", "/api/papers/" + featuredId + "/similar?limit=0", 400),
                new Case("/api/papers/{id}", "/api/papers/" + featuredId, 200),
                new Case("/api/papers/{id}", "/api/papers/" + neverFeaturedId, 200),
                new Case("/api/papers/{id}", "/api/papers/2101.99999", 404),
                new Case("/api/papers/{id}", "/api/papers/not-an-id", 404),
                new Case("/api/openapi.json", "/api/openapi.json", 200),
                new Case("/api/harvest/status", "/api/harvest/status", 200),
                new Case("/api/search/status", "/api/search/status", 200),
                new Case("POST", "/api/papers/{id}/upvote", "/api/papers/" + featuredId + "/upvote", 200, writeToken),
                new Case("POST", "/api/papers/{id}/upvote", "/api/papers/" + featuredId + "/upvote", 403, readToken),
                new Case("POST", "/api/papers/{id}/upvote", "/api/papers/2101.99999/upvote", 404, writeToken),
                new Case("POST", "/api/papers/{id}/upvote", "/api/papers/" + featuredId + "/upvote", 401, null),
                new Case("GET", "/api/me", "/api/me", 200, readToken),
                new Case("GET", "/api/me", "/api/me", 401, "dp_" + "x".repeat(43)),
                new Case("GET", "/api/me/upvotes", "/api/me/upvotes", 200, readToken),
                new Case("GET", "/api/me/upvotes", "/api/me/upvotes?limit=0", 400, readToken),
                new Case("GET", "/api/me/upvotes", "/api/me/upvotes", 401, null),
                new Case("GET", "/api/me/export", "/api/me/export", 200, readToken),
                new Case("GET", "/api/me/export", "/api/me/export", 401, null),
                new Case("DELETE", "/api/papers/{id}/upvote", "/api/papers/" + featuredId + "/upvote", 200,
                        writeToken),
                new Case("DELETE", "/api/papers/{id}/upvote", "/api/papers/" + featuredId + "/upvote", 403,
                        readToken),
                new Case("DELETE", "/api/papers/{id}/upvote", "/api/papers/2101.99999/upvote", 404, writeToken),
                new Case("DELETE", "/api/papers/{id}/upvote", "/api/papers/" + featuredId + "/upvote", 401, null),
                new Case("/api/me/library", "/api/me/library", 401),
                new Case("GET", "/api/me/library", "/api/me/library", 200, readToken),
                new Case("GET", "/api/me/library", "/api/me/library?limit=0", 400, readToken));
    }

    @Test
    void everyResponseHoldsToTheDocumentsSchemaForItsStatus() throws IOException {
        List<String> failures = new ArrayList<>();
        int nullSubmitters = 0;
        int members = 0;
        for (Case c : cases()) {
            HttpResponse<String> response = send(c);
            assertThat(response.statusCode()).as(c.target()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type")).as(c.target())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = JSON.readTree(response.body());
            for (Error error : schemaOf(c).validate(body)) {
                failures.add(c.target() + " → " + error);
            }
            nullSubmitters += body.isArray() ? (int) body.valueStream()
                    .filter(item -> item.path("submittedBy").isNull()).count() : 0;
            members += body.isArray() ? (int) body.valueStream()
                    .filter(item -> item.path("submittedBy").path("_id").isTextual()).count() : 0;
        }
        assertThat(failures).isEmpty();
        assertThat(nullSubmitters).as("items of papers never featured, whose submittedBy is null").isPositive();
        assertThat(members).as("items a member submitted, whose submittedBy names them").isPositive();
    }

    /** The schema of a case's response: its operation's response for the status, through a shared response. */
    private static Schema schemaOf(Case c) {
        String operation = "/paths/" + pointer(c.path()) + "/" + c.method().toLowerCase(Locale.ROOT) + "/responses/"
                + c.status();
        JsonNode response = document.at(operation);
        assertThat(response.isMissingNode()).as("documented: " + c.method() + " " + c.path() + " answering "
                        + c.status())
                .isFalse();
        String base = response.has("$ref") ? response.get("$ref").asText().substring(1) : operation;
        return schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + base + "/content/application~1json/schema"));
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    @Test
    void everyOperationHasItsOwnOperationId() {
        List<String> ids = new ArrayList<>();
        document.get("paths").forEach(item -> item.forEach(operation -> {
            assertThat(operation.path("operationId").isTextual()).as(operation.path("summary").asText()).isTrue();
            ids.add(operation.get("operationId").asText());
        }));
        assertThat(ids).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void theDocumentDescribesEveryApiRouteAndTheCasesExerciseEveryOperation() {
        Set<String> routes = app.web().routes().stream()
                .filter(r -> !r.method().equals("HEAD") && r.path().startsWith("/api/"))
                .map(r -> r.method() + " " + r.path().replace("<", "{").replace(">", "}"))
                .collect(Collectors.toCollection(HashSet::new));
        Set<String> documented = new HashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(documented).isEqualTo(routes);
        assertThat(cases().stream().map(c -> c.method() + " " + c.path()).collect(Collectors.toSet()))
                .isEqualTo(documented);
    }

    private static HttpResponse<String> send(Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + c.target()))
                .method(c.method(), HttpRequest.BodyPublishers.noBody());
        if (c.token() != null) {
            request.header("Authorization", "Bearer " + c.token());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBrokenResponseFailsTheCheck() throws IOException {
        JsonNode item = JSON.readTree(app.get("/api/daily_papers?limit=1").body()).get(0);
        ((ObjectNode) item).put("submittedBy", "a string, not an object");
        ((ObjectNode) item.get("paper")).put("undeclared", 1);

        List<Error> errors = schemas.getSchema(SchemaLocation.of(DOCUMENT
                + "#/components/schemas/DailyItem")).validate(item);
        assertThat(errors).extracting(Error::getInstanceLocation).map(Object::toString)
                .anySatisfy(at -> assertThat(at).contains("submittedBy"))
                .anySatisfy(at -> assertThat(at).contains("paper"));
    }
}
