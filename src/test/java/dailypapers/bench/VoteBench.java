package dailypapers.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.ingest.ImportListener;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperEntry;
import dailypapers.store.DatabaseConfig;
import dailypapers.token.TokenScope;
import dailypapers.web.SessionCookies;
import dailypapers.web.Web;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vote benchmark, run by {@code bench/votes}: one server (the real {@link App} and its web server on loopback) on
 * the database given, the 1,000-paper sample imported, then
 * <ul>
 *   <li>votes: {@code MEMBERS} members, each on a virtual thread with a personal access token of its own, toggle
 *   upvotes ({@code POST} and {@code DELETE /api/papers/{id}/upvote}) on the {@code HOT_PAPERS} papers of the
 *   busiest day as fast as answers come, for the given seconds after a warm-up; then every paper's count is
 *   checked against the votes the members know they left (exact: no lost and no double vote);</li>
 *   <li>pages: the home page by {@code PAGE_CLIENTS} clients for the given seconds, anonymous and then signed in
 *   (a session cookie), each after its own warm-up.</li>
 * </ul>
 * Writes one JSON object: throughput, p50/p95/p99 latency per measurement, and whether the counts were exact.
 *
 * <pre>
 * VoteBench DATABASE_URL USER PASSWORD SECONDS OUT.json     (USER and PASSWORD "-" for none)
 * </pre>
 */
public final class VoteBench {

    static final int MEMBERS = 64;
    static final int HOT_PAPERS = 20;
    static final int PAGE_CLIENTS = 16;
    private static final int WARM_UP_SECONDS = 3;
    private static final String PASSWORD = "bench password 1234";

    private VoteBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1].equals("-") ? null : args[1];
        String password = args[2].equals("-") ? null : args[2];
        int seconds = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Path dataDir = Files.createTempDirectory("dailypapers-vote-bench");
        String databaseUrl = url.equals("sqlite") ? "jdbc:sqlite:" + dataDir.resolve("bench.db") : url;
        Config config = new Config(dataDir, new DatabaseConfig(databaseUrl, user, password, 8), "127.0.0.1", 0);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("database", databaseUrl.startsWith("jdbc:sqlite") ? "sqlite" : "postgresql");
        results.put("members", MEMBERS);
        results.put("hot_papers", HOT_PAPERS);
        results.put("seconds", seconds);
        try (App app = App.open(config, Clock.systemUTC()); Web web = app.serve()) {
            app.importFile(TestData.sample(), ImportListener.NONE);
            String base = "http://127.0.0.1:" + web.port();
            List<ArxivId> papers = hotPapers(app);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                Member member = app.accounts().service().create("bench" + i + "@example.org", "bench" + i, null,
                        PASSWORD, Role.MEMBER);
                tokens.add(app.tokens().service().create(member.id(), "bench", TokenScope.WRITE).secret());
            }
            Map<ArxivId, Integer> upstream = new LinkedHashMap<>();
            for (ArxivId id : papers) {
                upstream.put(id, app.feed().papers().find(id).orElseThrow().upvotes());
            }
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            List<Set<ArxivId>> voted = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                voted.add(new HashSet<>());
            }
            votes(http, base, tokens, papers, voted, WARM_UP_SECONDS);
            Latencies measured = votes(http, base, tokens, papers, voted, seconds);
            results.put("votes", measured.summary());
            boolean exact = true;
            for (ArxivId id : papers) {
                long expected = upstream.get(id) + voted.stream().filter(v -> v.contains(id)).count();
                exact &= app.feed().papers().find(id).orElseThrow().upvotes() == expected;
            }
            results.put("counts_exact", exact);

            String cookie = app.accounts().service().signIn("bench0@example.org", PASSWORD).orElseThrow().token();
            for (Map.Entry<String, String> visitor : Map.of("anonymous", "", "member", cookie).entrySet()) {
                HttpRequest.Builder home = HttpRequest.newBuilder(URI.create(base + "/"));
                if (!visitor.getValue().isEmpty()) {
                    home.header("Cookie", SessionCookies.NAME + "=" + visitor.getValue());
                }
                pages(http, home.build(), WARM_UP_SECONDS);
                results.put("home_" + visitor.getKey(), pages(http, home.build(), seconds).summary());
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out, json.writeValueAsString(results));
        System.out.println(json.writeValueAsString(results));
    }

    /** The papers of the busiest featured day: what members of a real instance vote on. */
    private static List<ArxivId> hotPapers(App app) {
        LocalDate day = app.feed().papers().latestFeaturedDay().orElseThrow();
        return app.feed().papers().featured(FeaturedQuery.between(day.minusDays(6), day.plusDays(1)), 0, HOT_PAPERS)
                .stream().map(PaperEntry::paper).map(p -> p.id()).toList();
    }

    /**
     * Each member toggles votes on random hot papers until the time is up; {@code voted} follows what each member
     * has upvoted, from the answers.
     */
    private static Latencies votes(HttpClient http, String base, List<String> tokens, List<ArxivId> papers,
            List<Set<ArxivId>> voted, int seconds) throws Exception {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                int member = i;
                running.add(members.submit(() -> {
                    Random random = new Random(member);
                    while (System.nanoTime() < end) {
                        ArxivId paper = papers.get(random.nextInt(papers.size()));
                        boolean add = !voted.get(member).contains(paper);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/papers/" + paper.value()
                                        + "/upvote"))
                                .header("Authorization", "Bearer " + tokens.get(member))
                                .method(add ? "POST" : "DELETE", HttpRequest.BodyPublishers.noBody())
                                .build();
                        long sent = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        millis.add((System.nanoTime() - sent) / 1e6);
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (add) {
                            voted.get(member).add(paper);
                        } else {
                            voted.get(member).remove(paper);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> member : running) {
                member.get();
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " votes were not answered 200");
        }
        return new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray(),
                (System.nanoTime() - start) / 1e9);
    }

    private static Latencies pages(HttpClient http, HttpRequest request, int seconds) throws Exception {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < PAGE_CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("the home page answered " + response.statusCode());
                        }
                        millis.add((System.nanoTime() - sent) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray(),
                (System.nanoTime() - start) / 1e9);
    }
}
