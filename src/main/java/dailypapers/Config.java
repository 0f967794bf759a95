package dailypapers;

import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Instance settings. Each key can come from a properties file, an environment variable or a command-line flag;
 * later sources win: defaults, then file, then environment ({@code DAILYPAPERS_HTTP_PORT} for {@code http.port}),
 * then flags.
 */
public record Config(Path dataDir, DatabaseConfig database, String httpHost, int httpPort) {

    public static final String DATA_DIR = "data.dir";
    public static final String DATABASE_URL = "database.url";
    public static final String DATABASE_USER = "database.user";
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String DATABASE_POOL_SIZE = "database.pool.size";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";

    static final Set<String> KEYS = Set.of(DATA_DIR, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
            DATABASE_POOL_SIZE, HTTP_HOST, HTTP_PORT);

    public static final Map<String, String> DEFAULTS = Map.of(
            DATA_DIR, "data",
            HTTP_HOST, "0.0.0.0",
            HTTP_PORT, "8080",
            DATABASE_POOL_SIZE, "8");

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
        return new Config(dataDir, database, values.get(HTTP_HOST), port);
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
        return new Config(dataDir, database, httpHost, port);
    }
}
