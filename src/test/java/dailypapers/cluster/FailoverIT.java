package dailypapers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestData;
import dailypapers.TestHttp;
import dailypapers.job.JobScheduler;
import dailypapers.web.PageFixtures;
import dailypapers.web.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults on the whole local cluster ({@link LocalCluster}: PostgreSQL, three Solr nodes, two app nodes, HAProxy,
 * real processes), each under a bounded load of searches, listings and members' votes through HAProxy: a Solr node
 * killed, every Solr node killed, an app node killed, PostgreSQL restarted. One cluster serves the four, in order;
 * each prints errors and p50/p99 latencies before, during and after its fault, and how long recovery took.
 *
 * <p>The assertions are about outcomes, not speed: no failed request once a fault is over, every paper written
 * before and during a fault searchable after it, every vote the site acknowledged stored once and counted once,
 * and a clear 503 (not a hang) for what needs a dependency that is away, while the rest answers. Time bounds are
 * only the contracts' own (a lease's length, Solr's connect timeout) with room to spare.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // the suite's longest class starts first (see the test configuration in pom.xml)
class FailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEMBERS = 4;
    private static final String PASSWORD = "failover-password-1";
    /** Load before each fault, and after recovery, to compare with the fault's window. */
    private static final Duration STEADY = Duration.ofSeconds(5);
    /** How long a fault lasts before the node comes back. */
    private static final Duration FAULT = Duration.ofSeconds(5);
    /** A word no sample paper has, in the titles of the papers written around the Solr fault. */
    private static final String PROBE_WORD = "quokkafailover";

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalCluster cluster;
    private static final List<ClusterLoad.Voter> voters = new ArrayList<>();
    private static List<String> papers;
    /** Every load the tests started: the database keeps every vote their members sent, whatever became of a test. */
    private static final List<ClusterLoad> loads = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        long started = System.nanoTime();
        cluster = LocalCluster.start("failover");
        System.out.printf("cluster up in %d s: %s%n", seconds(started), cluster.siteUrl());
        papers = TestData.sampleRecords().stream().map(record -> record.get("id").asText()).toList();
        // Members are made on the command line, as an operator would, then sign in through HAProxy.
        try (var pool = Executors.newFixedThreadPool(MEMBERS)) {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 1; i <= MEMBERS; i++) {
                int number = i;
                created.add(pool.submit(() -> cluster.cli(PASSWORD + "\n", "user", "create", "--email",
                        "voter" + number + "@example.org", "--handle", "voter-" + number)));
            }
            for (Future<String> member : created) {
                member.get();
            }
        }
        for (int i = 1; i <= MEMBERS; i++) {
            TestBrowser browser = new TestBrowser(cluster.siteUrl());
            browser.submit("/sign-in", "/sign-in", Map.of("email", "voter" + i + "@example.org", "password",
                    PASSWORD));
            String token = browser.sessionToken().orElseThrow(() -> new AssertionError("a voter could not sign in"));
            voters.add(new ClusterLoad.Voter(memberId("voter-" + i), token));
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void searchesKeepAnsweringWhileASolrNodeIsDownAndEveryPaperWrittenMeanwhileIsFoundAfter() throws Exception {
        PageFixtures before = probePapers(5);
        Set<String> written = new HashSet<>();
        ClusterLoad load = load(papers.subList(0, 250));
        try (load) {
            written.addAll(importPapers(before));
            Thread.sleep(STEADY);
            long killed = load.now();
            cluster.kill("solr-1");
            PageFixtures during = probePapers(5);
            written.addAll(importPapers(during));
            Thread.sleep(FAULT);
            List<Integer> readiness = List.of(status(cluster.appUrl(1) + "/readyz"),
                    status(cluster.appUrl(2) + "/readyz"));
            long restarting = load.now();
            cluster.startNodes("solr-1");
            long recovered = await("every Solr replica active again", Duration.ofMinutes(3), FailoverIT::solrIsWhole,
                    load);
            Thread.sleep(STEADY);
            long end = load.now();
            System.out.print(load.report(String.format("solr-1 killed: restarted in %.1f s, whole again %.1f s after"
                    + " the kill", (recovered - restarting) / 1000.0, (recovered - killed) / 1000.0),
                    windows(killed, recovered, end)));
            assertThat(readiness).as("both app nodes' /readyz with a Solr node down, its replicas elsewhere")
                    .containsExactly(200, 200);
            assertThat(load.stats(ClusterLoad.SEARCH, killed, recovered)).as("searches while solr-1 was down")
                    .matches(fault -> fault.requests() > fault.errors());
            assertNoFailureAfter(load, recovered);
        }
        for (int node = 1; node <= 2; node++) {
            String url = cluster.appUrl(node);
            await("app-" + node + " finds the papers written before and during the fault", Duration.ofSeconds(60),
                    () -> foundProbes(url).equals(written), load);
        }
        assertThat(foundProbes(cluster.siteUrl())).isEqualTo(written);
        assertVotesExact(load);
    }

    @Test
    @Order(2)
    void withEverySolrNodeDownSearchesAnswerAQuick503WhileListingsAnswerAndAllRecoversWithoutRestartingTheApps()
            throws Exception {
        List<String> appPids = List.of(pid("app-1"), pid("app-2"));
        ClusterLoad load = load(papers.subList(250, 500));
        try (load) {
            Thread.sleep(STEADY);
            long killed = load.now();
            cluster.kill("solr-1", "solr-2", "solr-3");
            long unready = await("/readyz 503 on both app nodes", Duration.ofSeconds(30),
                    () -> status(cluster.appUrl(1) + "/readyz") == 503 && status(cluster.appUrl(2) + "/readyz") == 503,
                    load);
            String readiness = get(cluster.appUrl(1) + "/readyz").body();
            long searchStarted = System.nanoTime();
            HttpResponse<String> api = get(cluster.siteUrl() + "/api/papers/search?q=diffusion");
            long searchMillis = Duration.ofNanos(System.nanoTime() - searchStarted).toMillis();
            HttpResponse<String> page = get(cluster.siteUrl() + "/search?q=transformers");
            HttpResponse<String> paper = get(cluster.siteUrl() + "/papers/" + papers.getFirst());
            Thread.sleep(FAULT);
            long restarting = load.now();
            cluster.startNodes("solr-1", "solr-2", "solr-3");
            long recovered = await("every Solr replica active and both app nodes ready", Duration.ofMinutes(3),
                    () -> solrIsWhole() && status(cluster.appUrl(1) + "/readyz") == 200
                            && status(cluster.appUrl(2) + "/readyz") == 200, load);
            Thread.sleep(STEADY);
            long end = load.now();
            System.out.print(load.report(String.format("every Solr node killed: /readyz 503 %.1f s after; a search"
                    + " during the outage %d in %d ms; restarted and whole again in %.1f s", (unready - killed)
                    / 1000.0, api.statusCode(), searchMillis, (recovered - restarting) / 1000.0),
                    windows(killed, recovered, end)));
            assertThat(readiness).contains("\"index\"").contains("cannot serve searches");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.body()).contains("search_unavailable").doesNotContain("\tat ", "Exception");
            assertThat(Duration.ofMillis(searchMillis)).as("a search while Solr is down: no hang")
                    .isLessThan(Duration.ofSeconds(6));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Search is unavailable right now").doesNotContain("\tat ");
            assertThat(paper.statusCode()).as("a paper's page, from the database").isEqualTo(200);
            assertThat(load.failures(s -> s.kind().equals(ClusterLoad.LISTING))).as("failed listings").isEmpty();
            assertNoFailureAfter(load, recovered);
            assertThat(List.of(pid("app-1"), pid("app-2"))).as("the app processes, never restarted")
                    .isEqualTo(appPids);
        }
        assertVotesExact(load);
    }

    @Test
    @Order(3)
    void haproxyRoutesAroundADeadAppNodeWhoseJobsTheOtherTakesOverAndNoVoteIsLostOrDoubled() throws Exception {
        ClusterLoad load = load(papers.subList(500, 750));
        try (load) {
            Thread.sleep(STEADY);
            long killed = load.now();
            Instant killedAt = Instant.now();
            cluster.kill("app-1");
            // The mail job runs every 10 s on whichever node holds its lease: after the kill, only app-2 can.
            long tookOver = await("the mail job run again after the kill", JobScheduler.DEFAULT_LEASE.plusSeconds(30),
                    () -> leaseTakenAfter("mail", killedAt), load);
            Thread.sleep(FAULT);
            long restarting = load.now();
            cluster.startNodes("app-1");
            long recovered = load.now();
            Thread.sleep(STEADY);
            long end = load.now();
            System.out.print(load.report(String.format("app-1 killed: its jobs run on app-2 %.1f s after the kill;"
                    + " app-1 restarted in %.1f s", (tookOver - killed) / 1000.0, (recovered - restarting) / 1000.0),
                    windows(killed, recovered, end)));
            // HAProxy resends a GET that the dying node dropped; the reads go on without an error.
            assertThat(load.failures(s -> !s.kind().equals(ClusterLoad.VOTE))).as("failed reads").isEmpty();
            assertNoFailureAfter(load, recovered);
        }
        assertVotesExact(load);
    }

    @Test
    @Order(4)
    void aPostgresRestartAnswersAClear503MeanwhileAndRecoversWithoutRestartingTheApps() throws Exception {
        List<String> appPids = List.of(pid("app-1"), pid("app-2"));
        ClusterLoad load = load(papers.subList(750, 1000));
        try (load) {
            Thread.sleep(STEADY);
            long stopped = load.now();
            cluster.stop("postgres");
            long unready = await("/readyz 503 on both app nodes", Duration.ofSeconds(30),
                    () -> status(cluster.appUrl(1) + "/readyz") == 503 && status(cluster.appUrl(2) + "/readyz") == 503,
                    load);
            List<HttpResponse<String>> outage = new ArrayList<>();
            List<Long> outageMillis = new ArrayList<>();
            for (String path : List.of("/api/daily_papers", "/api/papers/" + papers.getFirst(), "/")) {
                long start = System.nanoTime();
                outage.add(get(cluster.siteUrl() + path));
                outageMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
            Thread.sleep(FAULT);
            long restarting = load.now();
            cluster.startNodes("postgres");
            long recovered = await("both app nodes ready and the site answering", Duration.ofMinutes(2),
                    () -> status(cluster.appUrl(1) + "/readyz") == 200 && status(cluster.appUrl(2) + "/readyz") == 200
                            && status(cluster.siteUrl() + "/api/daily_papers") == 200, load);
            Thread.sleep(STEADY);
            long end = load.now();
            System.out.print(load.report(String.format("PostgreSQL stopped: /readyz 503 %.1f s after; answers during"
                    + " the outage %s in %s ms; recovered %.1f s after its start", (unready - stopped) / 1000.0,
                    outage.stream().map(HttpResponse::statusCode).toList(), outageMillis,
                    (recovered - restarting) / 1000.0), windows(stopped, recovered, end)));
            for (HttpResponse<String> answer : outage) {
                assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(503);
            }
            assertThat(outage.get(0).body()).as("a JSON error under /api").startsWith("{").contains("\"error\"");
            assertNoFailureAfter(load, recovered);
            assertThat(List.of(pid("app-1"), pid("app-2"))).as("the app processes, never restarted")
                    .isEqualTo(appPids);
        }
        assertVotesExact(load);
    }

    /** No request failed once the fault was over, and none at any time with a 500. */
    private static void assertNoFailureAfter(ClusterLoad load, long recovered) {
        assertThat(load.failures(s -> s.startMillis() >= recovered)).as("failures after recovery").isEmpty();
        assertThat(load.failures(s -> s.status() == 500)).as("500s (logs in %s)", cluster.logDirectory())
                .isEmpty();
    }

    /** A load through HAProxy on these papers, kept for {@link #assertVotesExact}. */
    private static ClusterLoad load(List<String> papers) {
        ClusterLoad load = new ClusterLoad(cluster.siteUrl(), voters, papers);
        loads.add(load);
        return load;
    }

    /** Every vote answered 2xx is stored, none that was never sent is, and every paper counts its rows once. */
    private static void assertVotesExact(ClusterLoad load) throws SQLException {
        Map<Long, Set<String>> sent = new LinkedHashMap<>();
        for (ClusterLoad started : loads) {
            started.sentVotes().forEach((member, votes) -> sent.computeIfAbsent(member, m -> new HashSet<>())
                    .addAll(votes));
        }
        try (Connection db = database()) {
            for (ClusterLoad.Voter voter : voters) {
                Set<String> stored = new HashSet<>();
                try (PreparedStatement query = db.prepareStatement("SELECT paper_id FROM vote WHERE voter = ?")) {
                    query.setString(1, Long.toString(voter.memberId()));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            stored.add(rows.getString(1));
                        }
                    }
                }
                Set<String> acknowledged = load.acknowledgedVotes().get(voter.memberId());
                assertThat(stored).as("member %d's acknowledged votes", voter.memberId()).containsAll(acknowledged);
                assertThat(sent.get(voter.memberId())).as("member %d's stored votes were all sent",
                        voter.memberId()).containsAll(stored);
                System.out.printf("member %d: %d votes sent, %d acknowledged, %d stored in all%n", voter.memberId(),
                        load.sentVotes().get(voter.memberId()).size(), acknowledged.size(), stored.size());
            }
            try (var query = db.createStatement(); ResultSet miscounted = query.executeQuery("""
                    SELECT count(*) FROM paper p
                    WHERE p.upvotes <> p.upstream_upvotes + (SELECT count(*) FROM vote v WHERE v.paper_id = p.id)""")) {
                miscounted.next();
                assertThat(miscounted.getInt(1)).as("papers whose upvotes are not upstream + vote rows").isZero();
            }
        }
    }

    /** Papers whose titles carry {@link #PROBE_WORD}, new ids each call. */
    private static PageFixtures probePapers(int count) {
        PageFixtures fixtures = new PageFixtures();
        for (int i = 0; i < count; i++) {
            fixtures.paper().put("id", String.format("2609.%05d", probeCounter)).put("title",
                    "A " + PROBE_WORD + " probe, number " + probeCounter++);
        }
        return fixtures;
    }

    private static int probeCounter = 70_000;

    /** Imports the papers with {@code ./dailypapers import} on the cluster's database; returns their ids. */
    private static Set<String> importPapers(PageFixtures fixtures) throws Exception {
        Path file = fixtures.write(Files.createDirectories(cluster.directory().resolve("probes-" + probeCounter)));
        cluster.cli("", "import", file.toString());
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        return ids;
    }

    /** The ids a search for the probe word finds at {@code baseUrl}. */
    private static Set<String> foundProbes(String baseUrl) {
        HttpResponse<String> answer = get(baseUrl + "/api/papers/search?q=" + PROBE_WORD + "&limit=50");
        Set<String> ids = new HashSet<>();
        if (answer.statusCode() == 200) {
            try {
                for (JsonNode hit : JSON.readTree(answer.body())) {
                    ids.add(hit.get("paper").get("id").asText());
                }
            } catch (Exception e) {
                throw new AssertionError("not a search answer: " + answer.body(), e);
            }
        }
        return ids;
    }

    /** Whether every Solr node is live and every replica of every collection active. */
    private static boolean solrIsWhole() {
        HttpResponse<String> answer = get(cluster.solrUrl(2) + "/admin/collections?action=CLUSTERSTATUS&wt=json");
        if (answer.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode status = JSON.readTree(answer.body()).get("cluster");
            if (status.get("live_nodes").size() != 3) {
                return false;
            }
            for (JsonNode collection : status.path("collections")) {
                for (JsonNode shard : collection.path("shards")) {
                    for (JsonNode replica : shard.path("replicas")) {
                        if (!replica.path("state").asText().equals("active")) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (Exception e) {
            throw new AssertionError("not a cluster status: " + answer.body(), e);
        }
    }

    /** Whether the job's lease was taken after {@code instant}: a run that began then. */
    private static boolean leaseTakenAfter(String job, Instant instant) {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT locked_at FROM job_lease WHERE name = ?")) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getTimestamp(1).toInstant().isAfter(instant);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long memberId(String handle) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT id FROM member WHERE handle = ?")) {
            query.setString(1, handle);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("member " + handle).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(cluster.databaseUrl(), "postgres", "");
    }

    private static String pid(String node) throws Exception {
        return Files.readString(cluster.directory().resolve(node + ".pid")).strip();
    }

    /** The before, during and after windows of a fault, for the report. */
    private static Map<String, long[]> windows(long fault, long recovered, long end) {
        Map<String, long[]> windows = new LinkedHashMap<>();
        windows.put("before", new long[] {0, fault});
        windows.put("during", new long[] {fault, recovered});
        windows.put("after", new long[] {recovered, end});
        return windows;
    }

    /** Waits until {@code condition} holds; returns when, on the load's clock. */
    private static long await(String what, Duration timeout, BooleanSupplier condition, ClusterLoad load)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + timeout.toSeconds() + " s for " + what + "; logs in " + cluster.logDirectory());
            }
            Thread.sleep(100);
        }
        return load.now();
    }

    private static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (RuntimeException unreachable) {
            return 0;
        }
    }

    private static HttpResponse<String> get(String url) {
        return TestHttp.send(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET()
                .build());
    }

    private static long seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }
}
