package dailypapers.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.digest.Cadence;
import dailypapers.digest.DigestService;
import dailypapers.digest.Preferences;
import dailypapers.digest.Topic;
import dailypapers.ingest.ImportListener;
import dailypapers.mail.OutboxStore;
import dailypapers.store.Database;
import dailypapers.store.JdbiSubscriptionStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The digest benchmark, run by {@code bench/digests}, in two modes.
 *
 * <p>{@code compose}: a fresh SQLite instance in DATA_DIR gets the 1,000-paper sample with its dates moved into
 * the past week (publication days spread over the seven days before today, Hugging Face days likewise), then N
 * confirmed daily subscribers in five time zones, all due a minute ago, each with one to three topics drawn with a
 * fixed seed from categories, first authors of the sample and six saved searches; then the digests due now are
 * composed into the outbox and timed (digests/s, peak heap, peak resident memory).
 *
 * <p>{@code verify}: reads the outbox of DATA_DIR and the SMTP sink's log (one line per accepted message:
 * Message-ID, tab, recipient) and reports whether what arrived equals what was due.
 *
 * <pre>
 * DigestBench compose DATA_DIR SUBSCRIBERS OUT.json
 * DigestBench verify DATA_DIR SINK_LOG OUT.json
 * </pre>
 */
public final class DigestBench {

    private static final List<String> CATEGORIES = List.of("cs.CV", "cs.CL", "cs.AI", "cs.LG", "cs.RO", "stat.ML");
    private static final List<String> QUERIES = List.of("diffusion", "reinforcement learning",
            "large language models", "video generation", "benchmark", "robot");
    private static final List<ZoneId> ZONES = Stream.of("UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo",
            "Asia/Kolkata").map(ZoneId::of).toList();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DigestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        Map<String, Object> results = switch (args[0]) {
            case "compose" -> compose(dataDir, Integer.parseInt(args[2]));
            case "verify" -> verify(dataDir, Path.of(args[2]));
            default -> throw new IllegalArgumentException("mode is compose or verify, got " + args[0]);
        };
        Files.writeString(Path.of(args[args.length - 1]), JSON.writeValueAsString(results));
        System.out.println(JSON.writeValueAsString(results));
    }

    static Config config(Path dataDir) {
        return Config.load(null, Map.of(), Map.of("data.dir", dataDir.toString(), "harvest.enabled", "false",
                "thumbnail.enabled", "false", "digest.enabled", "false", "search.model", "none"));
    }

    private static Map<String, Object> compose(Path dataDir, int subscribers) throws Exception {
        Config config = config(dataDir);
        Instant now = Instant.now();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("subscribers", subscribers);
        try (App app = App.open(config, Clock.systemUTC())) {
            List<JsonNode> records = lastWeek(TestData.sampleRecords(), now.atZone(ZoneOffset.UTC).toLocalDate());
            Path corpus = dataDir.resolve("last-week.jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
                for (JsonNode record : records) {
                    out.write(record.toString());
                    out.newLine();
                }
            }
            app.importFile(corpus, ImportListener.NONE);
            long setup = System.nanoTime();
            try (Database database = Database.open(config.database(), new SimpleMeterRegistry())) {
                subscribe(new JdbiSubscriptionStore(database), subscribers, authors(records), now);
            }
            results.put("subscribe_seconds", seconds(System.nanoTime() - setup));
            resetPeaks();
            long start = System.nanoTime();
            DigestService.Run run = app.digests().service().composeDue(now, () -> false);
            double composeSeconds = seconds(System.nanoTime() - start);
            results.put("compose_seconds", composeSeconds);
            results.put("digests_composed", run.digests());
            results.put("empty", run.subscribers() - run.digests() - run.failed());
            results.put("failed", run.failed());
            results.put("papers_in_digests", run.papers());
            results.put("composed_per_second", run.subscribers() / composeSeconds);
            results.put("compose_peak_heap_mb", peakHeapMegabytes());
            results.put("peak_rss_mb", peakResidentMegabytes());
            results.put("outbox", app.mail().counts(DigestService.KIND));
        }
        return results;
    }

    private static Map<String, Object> verify(Path dataDir, Path sinkLog) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (App app = App.open(config(dataDir), Clock.systemUTC())) {
            Map<OutboxStore.State, Long> outbox = app.mail().counts(DigestService.KIND);
            results.put("outbox", outbox);
            long due = outbox.values().stream().mapToLong(Long::longValue).sum();
            List<String> lines = Files.readAllLines(sinkLog);
            Set<String> messageIds = new HashSet<>();
            Set<String> recipients = new HashSet<>();
            for (String line : lines) {
                String[] fields = line.split("\t", 2);
                messageIds.add(fields[0]);
                recipients.add(fields[1]);
            }
            results.put("due", due);
            results.put("received", lines.size());
            results.put("distinct_message_ids", messageIds.size());
            results.put("distinct_recipients", recipients.size());
            results.put("duplicates", lines.size() - messageIds.size());
            results.put("lost", due - messageIds.size());
            results.put("exactly_once", lines.size() == due && messageIds.size() == due && recipients.size() == due);
        }
        return results;
    }

    /** The sample with its days moved into the seven days before {@code today}, one paper per day in turn. */
    private static List<JsonNode> lastWeek(List<JsonNode> sample, LocalDate today) {
        List<JsonNode> moved = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            ObjectNode record = sample.get(i).deepCopy();
            String day = today.minusDays(i % 7 + 1).toString();
            record.set("published", new TextNode(day));
            if (record.hasNonNull("hf_daily_date")) {
                record.set("hf_daily_date", new TextNode(day));
            }
            moved.add(record);
        }
        return moved;
    }

    private static List<String> authors(List<JsonNode> records) {
        List<String> authors = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode first = record.path("authors").path(0);
            String name = first.isObject() ? first.path("name").asText("") : first.asText("");
            if (!name.isBlank()) {
                authors.add(name);
            }
        }
        return authors;
    }

    private static void subscribe(JdbiSubscriptionStore store, int count, List<String> authors, Instant now) {
        Random random = new Random(20261201);
        Instant due = now.minus(1, ChronoUnit.MINUTES);
        for (int i = 0; i < count; i++) {
            List<Topic> topics = new ArrayList<>();
            int wanted = 1 + random.nextInt(3);
            while (topics.size() < wanted) {
                Topic topic = switch (random.nextInt(3)) {
                    case 0 -> Topic.category(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
                    case 1 -> Topic.author(authors.get(random.nextInt(authors.size())));
                    default -> Topic.query(QUERIES.get(random.nextInt(QUERIES.size())));
                };
                if (!topics.contains(topic)) {
                    topics.add(topic);
                }
            }
            Preferences preferences = new Preferences(Cadence.DAILY, ZONES.get(i % ZONES.size()), topics);
            long id = store.create("reader" + i + "@bench" + (i % 20) + ".example.org", Optional.empty(),
                    preferences, due).orElseThrow();
            store.confirm(id, due, due);
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** VmHWM of this process: the most resident memory it ever had. */
    private static long peakResidentMegabytes() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
