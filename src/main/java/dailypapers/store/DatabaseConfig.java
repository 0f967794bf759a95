package dailypapers.store;

import java.time.Duration;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}), credentials, the pool's
 * size, and how long a caller waits for a connection before it fails (while the database is down, a request fails
 * after that rather than hanging).
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, Duration connectionTimeout) {

    /** A few seconds: well below a client's patience, well above a healthy pool's wait. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** HikariCP's least. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /** With the default connection timeout. */
    public DatabaseConfig(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseConfig {
        if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException(
                    "database url must start with jdbc:sqlite: or jdbc:postgresql:, got " + withoutQuery(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + poolSize);
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("database connection timeout must be at least "
                    + MIN_CONNECTION_TIMEOUT.toMillis() + " ms, got " + connectionTimeout.toMillis());
        }
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The URL without its query string, which may carry credentials: what messages and logs show. */
    public String description() {
        return withoutQuery(url);
    }

    private static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Never the password, nor a URL's query string. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + description() + ", user=" + user + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
