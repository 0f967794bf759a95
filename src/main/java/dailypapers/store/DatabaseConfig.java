package dailypapers.store;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}) and credentials.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

    public DatabaseConfig {
        if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException(
                    "database url must start with jdbc:sqlite: or jdbc:postgresql:, got " + withoutQuery(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + poolSize);
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
        return "DatabaseConfig[url=" + description() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
