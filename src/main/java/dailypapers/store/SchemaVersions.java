package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Schema versions: the one this build migrates to, and the one a database carries (the highest migration Flyway
 * applied successfully). Every migration's version is a whole number.
 */
public final class SchemaVersions {

    /** The last migration this build holds; {@code SchemaVersionsTest} checks it against the migrations. */
    public static final int LATEST = 27;

    private SchemaVersions() {
    }

    /**
     * The version the configured database carries, read without migrating anything; empty when it has no schema
     * yet (or, for SQLite, no file).
     */
    public static Optional<Integer> of(DatabaseConfig config) {
        if (config.isSqlite()) {
            Optional<Path> file = Database.sqliteFile(config);
            if (file.isPresent() && !Files.isRegularFile(file.get())) {
                return Optional.empty();
            }
        }
        try (Connection connection = Connections.open(config)) {
            return applied(connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
    }

    /** The version a database carries; empty when Flyway never ran on it. */
    static Optional<Integer> applied(Connection connection) throws SQLException {
        if (!CopiedTables.present(connection).contains("flyway_schema_history")) {
            return Optional.empty();
        }
        Integer highest = null;
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version != null && rs.getBoolean(2)) {
                    int v = Integer.parseInt(version);
                    highest = highest == null ? v : Math.max(highest, v);
                }
            }
        }
        return Optional.ofNullable(highest);
    }
}
