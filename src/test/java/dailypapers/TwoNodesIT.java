package dailypapers;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.account.Role;
import dailypapers.ingest.ImportListener;
import dailypapers.mail.Message;
import dailypapers.mail.OutboxStore;
import dailypapers.mail.ScriptedSmtpServer;
import dailypapers.store.DatabaseConfig;
import dailypapers.web.SessionCookies;
import dailypapers.web.Visitor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL database, each with its own data directory and Lucene index, behave
 * as one site whichever answers: a session, a vote, a rate limit, a job's lease and an import made through one are
 * seen by the other within the bounds docs/scale.md states. The nodes are real JVMs; the test talks HTTP to them
 * and reads the shared database through an {@link App} of its own (as the CLI would).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Order.DEFAULT + 1) // one of the suite's longest: started early (see the test configuration in pom.xml)
class TwoNodesIT {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 25);
    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** Short, so that a dead node's job is taken over within seconds (the default is a minute). */
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** The mail job's interval (MailModule.INTERVAL): a node's next tick comes at most this long after its last. */
    private static final Duration MAIL_INTERVAL = Duration.ofSeconds(10);
    /**
     * The search-sync job's interval (10 s) and the sync's own time (about a second here, more under load): the
     * bound for a write to be searchable on another node.
     */
    private static final Duration SYNC_BOUND = Duration.ofSeconds(15);
    private static final int SIGN_INS_PER_EMAIL = 4;
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ANONYMOUS_FORM_TOKEN = "two-nodes-anonymous-form-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path root;

    private static DatabaseConfig database;
    private static App cli;
    private static ScriptedSmtpServer smtpA;
    private static ScriptedSmtpServer smtpB;
    private static ServeProcess a;
    private static ServeProcess b;
    private static String email;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = TestDatabases.freshPostgres();
        // Each node's SMTP server stalls its first message, so the node sending holds the mail job's lease.
        smtpA = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.ANSWER).stallAfter(0);
        smtpB = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.ANSWER).stallAfter(0);
        cli = App.open(Config.load(null, settings(root.resolve("cli"), smtpA.port()), Map.of()), Clock.systemUTC());
        cli.feed().papers().upsert(List.of(
                paper().id("2608.00001").featuredOn(DAY).published(DAY).upvotes(5)
                        .title("Sparse attention seen from two nodes").build(),
                paper().id("2608.00002").featuredOn(DAY).published(DAY).upvotes(2)
                        .title("Votes that race between nodes").build()));
        email = cli.accounts().service().create("two-nodes@example.org", "two-nodes", "Two Nodes", PASSWORD,
                Role.MEMBER).email().value();
        try (ExecutorService starting = Executors.newFixedThreadPool(2)) {
            Future<ServeProcess> first = starting.submit(() -> ServeProcess.start("node-a", root.resolve("a"),
                    settings(root.resolve("a"), smtpA.port()), STARTUP));
            Future<ServeProcess> second = starting.submit(() -> ServeProcess.start("node-b", root.resolve("b"),
                    settings(root.resolve("b"), smtpB.port()), STARTUP));
            a = first.get();
            b = second.get();
        }
    }

    /** One node's settings, as the environment an operator gives it. */
    private static Map<String, String> settings(Path dataDir, int smtpPort) {
        Map<String, String> environment = new HashMap<>();
        environment.put(Config.DATA_DIR.environmentVariable(), dataDir.toString());
        environment.put(Config.DATABASE_URL.environmentVariable(), database.url());
        environment.put(Config.DATABASE_USER.environmentVariable(), database.user());
        environment.put(Config.DATABASE_PASSWORD.environmentVariable(),
                database.password() == null ? "" : database.password());
        environment.put(Config.JOB_LEASE_SECONDS.environmentVariable(), Long.toString(LEASE.toSeconds()));
        environment.put(Config.HARVEST_ENABLED.environmentVariable(), "false");
        environment.put(Config.THUMBNAIL_ENABLED.environmentVariable(), "false");
        environment.put(Config.DIGEST_ENABLED.environmentVariable(), "false");
        environment.put(Config.SEARCH_MODEL.environmentVariable(), "none");
        environment.put(Config.ACCOUNT_LIMIT_SIGNIN_EMAIL.environmentVariable(), Integer.toString(SIGN_INS_PER_EMAIL));
        environment.put(Config.MAIL_SMTP_HOST.environmentVariable(), "127.0.0.1");
        environment.put(Config.MAIL_SMTP_PORT.environmentVariable(), Integer.toString(smtpPort));
        environment.put(Config.MAIL_SMTP_SECURITY.environmentVariable(), "none");
        environment.put(Config.MAIL_SMTP_TIMEOUT_SECONDS.environmentVariable(), "120");
        return environment;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        for (AutoCloseable part : new AutoCloseable[] {a, b, cli, smtpA, smtpB}) {
            if (part != null) {
                parts.add(part);
            }
        }
        try {
            for (AutoCloseable part : parts) {
                part.close();
            }
        } finally {
            if (database != null) {
                TestDatabases.dropPostgres(database);
            }
        }
    }

    @Test
    void aSessionMadeOnOneNodeIsValidOnTheOtherUntilSignedOutOnEither() throws Exception {
        String session = signIn(a);

        assertThat(get(b, "/settings", session).statusCode()).as("signed in on B").isEqualTo(200);
        assertThat(get(a, "/settings", session).statusCode()).as("signed in on A").isEqualTo(200);
        assertThat(post(b, "/sign-out", session, Map.of("csrf", Visitor.csrfTokenFor(session))).statusCode())
                .isEqualTo(303);
        assertThat(get(a, "/settings", session).statusCode()).as("signed out on A too").isEqualTo(303);
    }

    @Test
    void aVoteOnOneNodeShowsAtOnceOnTheOthersPagesCachesAndTags() throws Exception {
        String id = "2608.00001";
        HttpResponse<String> api = get(b, "/api/papers/" + id, null);
        HttpResponse<String> page = get(b, "/papers/" + id, null);
        assertThat(JSON.readTree(api.body()).get("upvotes").asInt()).isEqualTo(5);
        assertThat(page.body()).contains("<span class=\"count\" aria-hidden=\"true\">5</span>");
        String apiTag = api.headers().firstValue("ETag").orElseThrow();
        String pageTag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(get(b, "/api/papers/" + id, null).headers().firstValue("ETag")).as("kept by B's page cache")
                .contains(apiTag);
        assertThat(listedUpvotes(b, id)).isEqualTo(5);

        HttpResponse<String> vote = upvote(a, signIn(a), id, "POST");
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);

        // The next request to B sees it: B's tag is made from the database's data version, read per request.
        HttpResponse<String> apiAfter = get(b, "/api/papers/" + id, null, "If-None-Match", apiTag);
        assertThat(apiAfter.statusCode()).as("B's old tag no longer matches").isEqualTo(200);
        assertThat(JSON.readTree(apiAfter.body()).get("upvotes").asInt()).isEqualTo(6);
        HttpResponse<String> pageAfter = get(b, "/papers/" + id, null, "If-None-Match", pageTag);
        assertThat(pageAfter.statusCode()).isEqualTo(200);
        assertThat(pageAfter.body()).contains("<span class=\"count\" aria-hidden=\"true\">6</span>");
        assertThat(pageAfter.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag)
                .isNotEqualTo(pageTag));
        assertThat(listedUpvotes(b, id)).isEqualTo(6);
        assertThat(listedUpvotes(a, id)).isEqualTo(6);
    }

    @Test
    void aVoteSentToBothNodesAtOnceCountsOnce() throws Exception {
        String id = "2608.00002";
        String session = signIn(b);

        List<HttpResponse<String>> votes = onBothNodesAtOnce(node -> upvote(node, session, id, "POST"));
        assertThat(votes).allSatisfy(vote -> assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200));
        assertThat(listedUpvotes(a, id)).isEqualTo(3);
        assertThat(listedUpvotes(b, id)).isEqualTo(3);

        List<HttpResponse<String>> withdrawals = onBothNodesAtOnce(node -> upvote(node, session, id, "DELETE"));
        assertThat(withdrawals).allSatisfy(vote -> assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200));
        assertThat(listedUpvotes(a, id)).isEqualTo(2);
        assertThat(listedUpvotes(b, id)).isEqualTo(2);
    }

    @Test
    void rateLimitsCountTheHitsOnBothNodes() throws Exception {
        Map<String, String> wrong = Map.of("email", "limited@example.org", "password", "not the password",
                "csrf", ANONYMOUS_FORM_TOKEN);
        for (int attempt = 0; attempt < SIGN_INS_PER_EMAIL; attempt++) {
            ServeProcess node = attempt % 2 == 0 ? a : b;
            assertThat(post(node, "/sign-in", null, wrong).statusCode()).as("attempt %d on %s", attempt + 1,
                    node.name()).isEqualTo(401);
        }
        assertThat(post(a, "/sign-in", null, wrong).statusCode()).as("one more, on A").isEqualTo(429);
        assertThat(post(b, "/sign-in", null, wrong).statusCode()).as("one more, on B").isEqualTo(429);
    }

    @Test
    void aPaperImportedElsewhereBecomesSearchableOnEachNodeWithinTheSyncInterval() throws Exception {
        String query = "/api/papers/search?q=" + URLEncoder.encode("LARP language agent role play",
                StandardCharsets.UTF_8);
        assertThat(foundIds(a, query)).doesNotContain("2312.17653");

        Path file = root.resolve("one-paper.jsonl");
        Files.writeString(file, TestData.sampleRecords().getFirst() + "\n");
        cli.importFile(file, ImportListener.NONE);
        long imported = System.nanoTime();

        Map<String, Duration> found = new HashMap<>();
        long deadline = imported + SYNC_BOUND.toNanos();
        while (found.size() < 2) {
            for (ServeProcess node : List.of(a, b)) {
                if (!found.containsKey(node.name()) && foundIds(node, query).contains("2312.17653")) {
                    found.put(node.name(), Duration.ofNanos(System.nanoTime() - imported));
                }
            }
            assertThat(System.nanoTime()).as("searchable on both nodes within %s; found: %s", SYNC_BOUND, found)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        System.out.printf("two nodes: an imported paper was searchable after %s%n", found);
    }

    /**
     * The mail job holds one lease for the cluster: while the node sending is stuck on its SMTP server, the other
     * never sends; killed with SIGKILL, its lease lapses and the other node sends the message, once.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aJobRunsOnOneNodeAtATimeAndIsTakenOverWhenItsNodeIsKilled() throws Exception {
        String id = cli.mail().mailer().send(Message.plain("lease@example.org", "Lease", "One node sends this."));

        ScriptedSmtpServer holding = null;
        long deadline = System.nanoTime() + MAIL_INTERVAL.multipliedBy(3).toNanos();
        while (holding == null) {
            assertThat(System.nanoTime()).as("a node started sending").isLessThan(deadline);
            holding = smtpA.awaitStall(100, TimeUnit.MILLISECONDS) ? smtpA
                    : smtpB.awaitStall(100, TimeUnit.MILLISECONDS) ? smtpB : null;
        }
        ServeProcess holder = holding == smtpA ? a : b;
        ScriptedSmtpServer other = holding == smtpA ? smtpB : smtpA;
        // Longer than the other node's interval and several leases: it ticks, finds the lease held, and skips.
        Thread.sleep(MAIL_INTERVAL.plusSeconds(2).toMillis());
        assertThat(other.connections()).as("the other node never sent while the lease was held").isZero();
        assertThat(cli.mail().find(id).orElseThrow().state()).isEqualTo(OutboxStore.State.SENDING);

        holder.kill();
        long killed = System.nanoTime();
        other.stallAfter(-1);
        long takeoverDeadline = killed + LEASE.plus(MAIL_INTERVAL).plusSeconds(5).toNanos();
        while (other.accepted().isEmpty()) {
            assertThat(System.nanoTime()).as("the other node took the job over").isLessThan(takeoverDeadline);
            Thread.sleep(100);
        }
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(holding.accepted()).isEmpty();
        assertThat(other.accepted()).hasSize(1).allSatisfy(data -> assertThat(data).contains("lease@example.org"));
        while (cli.mail().find(id).orElseThrow().state() != OutboxStore.State.SENT) {
            assertThat(System.nanoTime()).isLessThan(takeoverDeadline + TimeUnit.SECONDS.toNanos(5));
            Thread.sleep(100);
        }
        System.out.printf("two nodes: %s killed while sending; the other sent the message %d ms later (lease %d s,"
                + " mail interval %d s)%n", holder.name(), takeover.toMillis(), LEASE.toSeconds(),
                MAIL_INTERVAL.toSeconds());
    }

    // HTTP, as a browser or a script does it

    /** Signs in with the password form on {@code node}; returns the session token its cookie holds. */
    private static String signIn(ServeProcess node) {
        HttpResponse<String> response = post(node, "/sign-in", null, Map.of("email", email, "password", PASSWORD,
                "csrf", ANONYMOUS_FORM_TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String prefix = SessionCookies.NAME + "=";
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length(), c.indexOf(';'))).filter(v -> !v.isEmpty()).findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> upvote(ServeProcess node, String session, String id, String method) {
        return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/papers/" + id + "/upvote"))
                .header("Cookie", SessionCookies.NAME + "=" + session)
                .header("X-CSRF-Token", Visitor.csrfTokenFor(session))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : ""))
                .build());
    }

    /** The paper's upvotes as the day's listing on {@code node} shows them. */
    private static int listedUpvotes(ServeProcess node, String id) throws Exception {
        for (JsonNode item : JSON.readTree(get(node, "/api/daily_papers?date=" + DAY, null).body())) {
            if (item.at("/paper/id").asText().equals(id)) {
                return item.at("/paper/upvotes").asInt();
            }
        }
        throw new AssertionError(id + " is not listed on " + DAY + " by " + node.name());
    }

    private static List<String> foundIds(ServeProcess node, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(get(node, query, null).body()).forEach(item -> ids.add(item.at("/paper/id").asText()));
        return ids;
    }

    /** Sends three requests to each node at once; their answers, A's first. */
    private static List<HttpResponse<String>> onBothNodesAtOnce(RequestTo request) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            List<Callable<HttpResponse<String>>> calls = IntStream.range(0, 6)
                    .<Callable<HttpResponse<String>>>mapToObj(i -> () -> request.send(i < 3 ? a : b)).toList();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        }
    }

    @FunctionalInterface
    private interface RequestTo {
        HttpResponse<String> send(ServeProcess node) throws Exception;
    }

    private static HttpResponse<String> get(ServeProcess node, String path, String session, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET();
        if (session != null) {
            request.header("Cookie", SessionCookies.NAME + "=" + session);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A form post; an anonymous one carries the double-submit form token in its cookie and field. */
    private static HttpResponse<String> post(ServeProcess node, String path, String session,
            Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).reduce((x, y) -> x + "&" + y).orElse("");
        return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session != null ? SessionCookies.NAME + "=" + session
                        : "dailypapers_csrf=" + ANONYMOUS_FORM_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(HTTP, request);
    }
}
