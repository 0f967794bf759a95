package dailypapers.store;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}) and credentials.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

    public DatabaseConfig {
        if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException(
                    "database url must start with jdbc:sqlite: or jdbc:postgresql:, got " + url);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + poolSize);
        }
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }
}
