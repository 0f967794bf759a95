package dailypapers.cluster;

import dailypapers.web.SessionCookies;
import dailypapers.web.Visitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A bounded load on the site through HAProxy, as a few busy visitors make it: reader threads alternate searches
 * and listings, and each signed-in member's thread upvotes papers in turn, never the same one twice. Every
 * request is kept as a {@link Sample}, so a test reads errors and latencies for any window of time; every vote
 * sent and every vote answered 2xx is kept per member, to compare with the database afterwards.
 */
final class ClusterLoad implements AutoCloseable {

    /** One request: what it was, when it started (ms since the load began), how long it took, its status. */
    record Sample(String kind, long startMillis, long millis, int status, String failure) {

        boolean failed() {
            return status < 200 || status > 299;
        }
    }

    /** Counts and latency percentiles of the samples in one window. */
    record Stats(int requests, int errors, long p50Millis, long p99Millis) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%5d requests %4d errors  p50 %5d ms  p99 %5d ms", requests, errors,
                    p50Millis, p99Millis);
        }
    }

    /** A member signed in through the site: their id (as vote rows name them) and session token. */
    record Voter(long memberId, String sessionToken) {
    }

    static final String SEARCH = "search";
    static final String LISTING = "listing";
    static final String VOTE = "vote";

    private static final List<String> QUERIES = List.of("language model", "diffusion", "reasoning", "video",
            "agent", "benchmark", "vision transformer", "reinforcement learning");
    private static final List<String> LISTINGS = List.of("/", "/api/daily_papers", "/trending");
    private static final Duration READER_PAUSE = Duration.ofMillis(100);
    private static final Duration VOTER_PAUSE = Duration.ofMillis(300);
    private static final int READERS = 4;

    private final String siteUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final long started = System.nanoTime();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Map<Long, Set<String>> sent = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /** Starts the load: {@link #READERS} readers, and one thread per voter, upvoting {@code papers} in turn. */
    ClusterLoad(String siteUrl, List<Voter> voters, List<String> papers) {
        this.siteUrl = siteUrl;
        for (int i = 0; i < READERS; i++) {
            int reader = i;
            threads.add(Thread.ofPlatform().name("reader-" + i).start(() -> read(reader)));
        }
        for (Voter voter : voters) {
            sent.put(voter.memberId(), ConcurrentHashMap.newKeySet());
            acknowledged.put(voter.memberId(), ConcurrentHashMap.newKeySet());
            threads.add(Thread.ofPlatform().name("voter-" + voter.memberId()).start(() -> vote(voter, papers)));
        }
    }

    /** Milliseconds since the load began: the clock of {@link Sample#startMillis()}. */
    long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Stops every thread and waits for its request in flight. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The samples of {@code kind} (null: all) that started in [from, to). */
    Stats stats(String kind, long from, long to) {
        List<Sample> window = samples.stream().filter(s -> kind == null || s.kind().equals(kind))
                .filter(s -> s.startMillis() >= from && s.startMillis() < to).toList();
        List<Long> latencies = window.stream().map(Sample::millis).sorted().toList();
        return new Stats(window.size(), (int) window.stream().filter(Sample::failed).count(),
                percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** The failed samples matching {@code which}, for an assertion's message. */
    List<Sample> failures(Predicate<Sample> which) {
        return samples.stream().filter(Sample::failed).filter(which).toList();
    }

    /** Per member id, the papers their thread sent a vote for, answered or not. */
    Map<Long, Set<String>> sentVotes() {
        return Collections.unmodifiableMap(sent);
    }

    /** Per member id, the papers whose vote the site answered with 2xx. */
    Map<Long, Set<String>> acknowledgedVotes() {
        return Collections.unmodifiableMap(acknowledged);
    }

    /** A table of the windows (name to [from, to) in ms) for every kind of request, for the test's output. */
    String report(String title, Map<String, long[]> windows) {
        StringBuilder table = new StringBuilder(title).append('\n');
        windows.forEach((name, range) -> {
            for (String kind : List.of(SEARCH, LISTING, VOTE)) {
                table.append(String.format(Locale.ROOT, "  %-8s %-8s %s %s%n", name, kind, stats(kind, range[0],
                        range[1]), failureCounts(kind, range[0], range[1])));
            }
        });
        return table.toString();
    }

    /** How many failures of each status (0: no answer) in the window, such as {@code {502=2}}; empty when none. */
    private String failureCounts(String kind, long from, long to) {
        Map<Integer, Long> counts = new TreeMap<>(failures(s -> s.kind().equals(kind) && s.startMillis() >= from
                && s.startMillis() < to).stream().collect(Collectors.groupingBy(Sample::status,
                        Collectors.counting())));
        return counts.isEmpty() ? "" : counts.toString();
    }

    private void read(int reader) {
        for (int i = reader; !stopping; i++) {
            if (i % 2 == 0) {
                String query = QUERIES.get(i / 2 % QUERIES.size()).replace(' ', '+');
                send(SEARCH, HttpRequest.newBuilder(uri("/api/papers/search?q=" + query + "&limit=10")).GET());
            } else {
                send(LISTING, HttpRequest.newBuilder(uri(LISTINGS.get(i / 2 % LISTINGS.size()))).GET());
            }
            pause(READER_PAUSE);
        }
    }

    /** Upvotes each paper once, whatever the answer: a vote is never sent twice, so none can count twice. */
    private void vote(Voter voter, List<String> papers) {
        for (int i = 0; i < papers.size() && !stopping; i++) {
            String paper = papers.get(i);
            sent.get(voter.memberId()).add(paper);
            int status = send(VOTE, HttpRequest.newBuilder(uri("/papers/" + paper + "/upvote"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("Cookie", SessionCookies.NAME + "=" + voter.sessionToken())
                    .header("X-CSRF-Token", Visitor.csrfTokenFor(voter.sessionToken()))
                    .POST(HttpRequest.BodyPublishers.ofString("action=add")));
            if (status >= 200 && status <= 299) {
                acknowledged.get(voter.memberId()).add(paper);
            }
            pause(VOTER_PAUSE);
        }
    }

    private int send(String kind, HttpRequest.Builder request) {
        long start = now();
        int status;
        String failure = null;
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status >= 300) {
                failure = response.body().lines().findFirst().orElse("");
            }
        } catch (IOException e) {
            status = 0;
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        samples.add(new Sample(kind, start, now() - start, status, failure));
        return status;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(siteUrl + pathAndQuery);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
