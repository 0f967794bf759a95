package dailypapers;

import dailypapers.ingest.HarvestSettings;
import dailypapers.ingest.arxiv.ArxivSet;
import dailypapers.embedding.EncoderModel;
import dailypapers.embedding.Encoders;
import dailypapers.search.SearchEngine;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Instance settings. Each key can come from a properties file, an environment variable or a command-line flag;
 * later sources win: defaults, then file, then environment ({@code DAILYPAPERS_HTTP_PORT} for {@code http.port}),
 * then flags.
 */
public record Config(Path dataDir, DatabaseConfig database, String httpHost, int httpPort, HarvestSettings harvest,
        Optional<EncoderModel> searchModel, int embeddingThreads, SearchEngine searchEngine) {

    public static final String DATA_DIR = "data.dir";
    public static final String DATABASE_URL = "database.url";
    public static final String DATABASE_USER = "database.user";
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String DATABASE_POOL_SIZE = "database.pool.size";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HARVEST_ENABLED = "harvest.enabled";
    public static final String HARVEST_FIRST_RUN_DELAY_SECONDS = "harvest.first.run.delay.seconds";
    public static final String HARVEST_START_DAYS = "harvest.start.days";
    public static final String HARVEST_ARXIV_OAI_URL = "harvest.arxiv.oai.url";
    public static final String HARVEST_ARXIV_API_URL = "harvest.arxiv.api.url";
    public static final String HARVEST_ARXIV_SETS = "harvest.arxiv.sets";
    public static final String HARVEST_ARXIV_METADATA_PREFIX = "harvest.arxiv.metadata.prefix";
    public static final String HARVEST_ARXIV_INTERVAL_MINUTES = "harvest.arxiv.interval.minutes";
    public static final String HARVEST_ARXIV_DELAY_MS = "harvest.arxiv.delay.ms";
    public static final String HARVEST_HF_URL = "harvest.hf.url";
    public static final String HARVEST_HF_INTERVAL_MINUTES = "harvest.hf.interval.minutes";
    public static final String HARVEST_HF_DELAY_MS = "harvest.hf.delay.ms";
    public static final String HARVEST_HF_LOOKBACK_DAYS = "harvest.hf.lookback.days";
    public static final String HARVEST_CONNECT_TIMEOUT_SECONDS = "harvest.http.connect.timeout.seconds";
    public static final String HARVEST_READ_TIMEOUT_SECONDS = "harvest.http.read.timeout.seconds";
    public static final String HARVEST_RETRY_ATTEMPTS = "harvest.retry.attempts";
    public static final String HARVEST_RETRY_BACKOFF_MS = "harvest.retry.backoff.ms";
    public static final String HARVEST_CIRCUIT_FAILURES = "harvest.circuit.failures";
    public static final String HARVEST_CIRCUIT_OPEN_MINUTES = "harvest.circuit.open.minutes";
    /** The sentence-embedding model for semantic search and similar papers, or {@code none}. */
    public static final String SEARCH_MODEL = "search.model";
    public static final String SEARCH_MODEL_NONE = "none";
    /** Threads the server's embedding job encodes papers on; all cores unless set. */
    public static final String SEARCH_EMBEDDING_THREADS = "search.embedding.threads";
    /** The engine that holds the search index: {@code lucene} (in process, on local disk) is the only one yet. */
    public static final String SEARCH_ENGINE = "search.engine";

    static final Set<String> KEYS = Set.of(DATA_DIR, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
            DATABASE_POOL_SIZE, HTTP_HOST, HTTP_PORT, HARVEST_ENABLED, HARVEST_FIRST_RUN_DELAY_SECONDS,
            HARVEST_START_DAYS, HARVEST_ARXIV_OAI_URL, HARVEST_ARXIV_API_URL, HARVEST_ARXIV_SETS,
            HARVEST_ARXIV_METADATA_PREFIX, HARVEST_ARXIV_INTERVAL_MINUTES, HARVEST_ARXIV_DELAY_MS, HARVEST_HF_URL,
            HARVEST_HF_INTERVAL_MINUTES, HARVEST_HF_DELAY_MS, HARVEST_HF_LOOKBACK_DAYS,
            HARVEST_CONNECT_TIMEOUT_SECONDS, HARVEST_READ_TIMEOUT_SECONDS, HARVEST_RETRY_ATTEMPTS,
            HARVEST_RETRY_BACKOFF_MS, HARVEST_CIRCUIT_FAILURES, HARVEST_CIRCUIT_OPEN_MINUTES, SEARCH_MODEL,
            SEARCH_EMBEDDING_THREADS, SEARCH_ENGINE);

    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(DATA_DIR, "data"),
            Map.entry(HTTP_HOST, "0.0.0.0"),
            Map.entry(HTTP_PORT, "8080"),
            Map.entry(DATABASE_POOL_SIZE, "8"),
            Map.entry(HARVEST_ENABLED, "true"),
            Map.entry(HARVEST_FIRST_RUN_DELAY_SECONDS, "10"),
            Map.entry(HARVEST_START_DAYS, "7"),
            Map.entry(HARVEST_ARXIV_OAI_URL, "https://export.arxiv.org/oai2"),
            Map.entry(HARVEST_ARXIV_API_URL, "https://export.arxiv.org/api/query"),
            Map.entry(HARVEST_ARXIV_SETS, "cs,stat.ML"),
            Map.entry(HARVEST_ARXIV_METADATA_PREFIX, "arXivRaw"),
            Map.entry(HARVEST_ARXIV_INTERVAL_MINUTES, "360"),
            Map.entry(HARVEST_ARXIV_DELAY_MS, "3000"),
            Map.entry(HARVEST_HF_URL, "https://huggingface.co"),
            Map.entry(HARVEST_HF_INTERVAL_MINUTES, "60"),
            Map.entry(HARVEST_HF_DELAY_MS, "1000"),
            Map.entry(HARVEST_HF_LOOKBACK_DAYS, "3"),
            Map.entry(HARVEST_CONNECT_TIMEOUT_SECONDS, "10"),
            Map.entry(HARVEST_READ_TIMEOUT_SECONDS, "60"),
            Map.entry(HARVEST_RETRY_ATTEMPTS, "4"),
            Map.entry(HARVEST_RETRY_BACKOFF_MS, "2000"),
            Map.entry(HARVEST_CIRCUIT_FAILURES, "5"),
            Map.entry(HARVEST_CIRCUIT_OPEN_MINUTES, "30"),
            Map.entry(SEARCH_MODEL, Encoders.DEFAULT_MODEL.id()),
            Map.entry(SEARCH_EMBEDDING_THREADS, String.valueOf(Runtime.getRuntime().availableProcessors())),
            Map.entry(SEARCH_ENGINE, SearchEngine.LUCENE.key()));

    /** Settings without harvesting or an embedding model, for tools and tests that serve pages only. */
    public Config(Path dataDir, DatabaseConfig database, String httpHost, int httpPort) {
        this(dataDir, database, httpHost, httpPort, harvestSettings(DEFAULTS).withEnabled(false), Optional.empty(),
                1, searchEngine(DEFAULTS.get(SEARCH_ENGINE)));
    }

    /** Reads the settings; a bad value throws {@link IllegalArgumentException} naming the key. */
    public static Config load(Path file, Map<String, String> environment, Map<String, String> flags) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        if (file != null) {
            values.putAll(readFile(file));
        }
        for (String key : KEYS) {
            String env = environment.get(environmentName(key));
            if (env != null && !env.isBlank()) {
                values.put(key, env);
            }
        }
        values.putAll(flags);
        return from(values);
    }

    public static String environmentName(String key) {
        return "DAILYPAPERS_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown keys in config file " + file + ": " + unknown
                    + " (known: " + new TreeSet<>(KEYS) + ")");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).strip()));
        return values;
    }

    private static Config from(Map<String, String> values) {
        Path dataDir = Path.of(values.get(DATA_DIR));
        String url = values.getOrDefault(DATABASE_URL, "jdbc:sqlite:" + dataDir.resolve("dailypapers.db"));
        int port = integer(values, HTTP_PORT);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(HTTP_PORT + " must be between 0 and 65535, got " + port);
        }
        DatabaseConfig database = new DatabaseConfig(url, values.get(DATABASE_USER), values.get(DATABASE_PASSWORD),
                integer(values, DATABASE_POOL_SIZE));
        return new Config(dataDir, database, values.get(HTTP_HOST), port, harvestSettings(values),
                searchModel(values.get(SEARCH_MODEL).strip()), positive(values, SEARCH_EMBEDDING_THREADS),
                searchEngine(values.get(SEARCH_ENGINE)));
    }

    private static SearchEngine searchEngine(String key) {
        return SearchEngine.parse(key).orElseThrow(() -> new IllegalArgumentException(SEARCH_ENGINE
                + " must be one of " + SearchEngine.keys() + ", got '" + key.strip() + "'"));
    }

    private static Optional<EncoderModel> searchModel(String id) {
        if (id.equals(SEARCH_MODEL_NONE)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(EncoderModel.values()).filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SEARCH_MODEL + " must be one of "
                        + Arrays.stream(EncoderModel.values()).map(EncoderModel::id).toList() + " or "
                        + SEARCH_MODEL_NONE + ", got '" + id + "'")));
    }

    private static HarvestSettings harvestSettings(Map<String, String> values) {
        String prefix = values.get(HARVEST_ARXIV_METADATA_PREFIX).strip();
        if (!prefix.equals("arXiv") && !prefix.equals("arXivRaw")) {
            throw new IllegalArgumentException(HARVEST_ARXIV_METADATA_PREFIX + " must be arXiv or arXivRaw, got '"
                    + prefix + "'");
        }
        List<String> sets = Arrays.stream(values.get(HARVEST_ARXIV_SETS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String set : sets) {
            try {
                ArxivSet.parse(set);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(HARVEST_ARXIV_SETS + ": " + e.getMessage());
            }
        }
        return new HarvestSettings(bool(values, HARVEST_ENABLED),
                Duration.ofSeconds(nonNegative(values, HARVEST_FIRST_RUN_DELAY_SECONDS)),
                positive(values, HARVEST_START_DAYS),
                url(values, HARVEST_ARXIV_OAI_URL), url(values, HARVEST_ARXIV_API_URL), sets, prefix,
                Duration.ofMinutes(positive(values, HARVEST_ARXIV_INTERVAL_MINUTES)),
                Duration.ofMillis(nonNegative(values, HARVEST_ARXIV_DELAY_MS)), url(values, HARVEST_HF_URL),
                Duration.ofMinutes(positive(values, HARVEST_HF_INTERVAL_MINUTES)),
                Duration.ofMillis(nonNegative(values, HARVEST_HF_DELAY_MS)),
                positive(values, HARVEST_HF_LOOKBACK_DAYS),
                Duration.ofSeconds(positive(values, HARVEST_CONNECT_TIMEOUT_SECONDS)),
                Duration.ofSeconds(positive(values, HARVEST_READ_TIMEOUT_SECONDS)),
                positive(values, HARVEST_RETRY_ATTEMPTS),
                Duration.ofMillis(nonNegative(values, HARVEST_RETRY_BACKOFF_MS)),
                positive(values, HARVEST_CIRCUIT_FAILURES),
                Duration.ofMinutes(positive(values, HARVEST_CIRCUIT_OPEN_MINUTES)));
    }

    private static boolean bool(Map<String, String> values, String key) {
        String value = values.get(key).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + values.get(key)
                    + "'");
        };
    }

    private static int positive(Map<String, String> values, String key) {
        int value = integer(values, key);
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
        return value;
    }

    private static int nonNegative(Map<String, String> values, String key) {
        int value = integer(values, key);
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
        return value;
    }

    private static URI url(Map<String, String> values, String key) {
        String value = values.get(key).strip();
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(key + " must be an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " must be an http(s) URL, got '" + value + "'");
        }
    }

    private static int integer(Map<String, String> values, String key) {
        String value = values.get(key);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    public Config withHttpPort(int port) {
        return new Config(dataDir, database, httpHost, port, harvest, searchModel, embeddingThreads, searchEngine);
    }

    public Config withHarvest(HarvestSettings settings) {
        return new Config(dataDir, database, httpHost, httpPort, settings, searchModel, embeddingThreads,
                searchEngine);
    }
}
