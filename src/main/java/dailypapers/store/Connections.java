package dailypapers.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Single connections outside the pool, for work that holds one transaction for long (a snapshot, a restore), with
 * the same SQLite settings as the pool's.
 */
final class Connections {

    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    /** SQLite's connection settings, for the pool and single connections alike. */
    static final Map<String, String> SQLITE = Map.of("journal_mode", "WAL", "synchronous", "NORMAL",
            "foreign_keys", "true", "busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));

    private Connections() {
    }

    static Connection open(DatabaseConfig config) throws SQLException {
        Properties properties = new Properties();
        if (config.isSqlite()) {
            properties.putAll(SQLITE);
        } else {
            properties.put("reWriteBatchedInserts", "true");
        }
        if (config.user() != null) {
            properties.put("user", config.user());
        }
        if (config.password() != null) {
            properties.put("password", config.password());
        }
        return DriverManager.getConnection(config.url(), properties);
    }
}
