package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A consistent read of a whole database while it serves: one read transaction on a connection of its own, so every
 * table is read as it stood when the first row was read, whatever commits meanwhile. SQLite in WAL mode gives a
 * deferred transaction that snapshot without blocking writers; PostgreSQL gives it at {@code REPEATABLE READ}.
 * Rows are streamed, never held.
 */
public final class DatabaseSnapshot implements AutoCloseable {

    /** Rows fetched per round trip from PostgreSQL; SQLite steps through rows anyway. */
    private static final int FETCH_SIZE = 1_000;

    /** Receives one row's values: String, Long, Double, Boolean, byte[] or null, in the table's column order. */
    @FunctionalInterface
    public interface RowSink {
        void row(Object[] values) throws IOException;
    }

    private final Connection connection;
    private final boolean sqlite;
    private final int schemaVersion;
    private final List<TableShape> tables;

    private DatabaseSnapshot(Connection connection, boolean sqlite) throws SQLException {
        this.connection = connection;
        this.sqlite = sqlite;
        // The first read starts the snapshot: the schema version and the catalogue belong to it too.
        this.schemaVersion = SchemaVersions.applied(connection)
                .orElseThrow(() -> new DatabaseException("the database has no schema yet: there is nothing to copy"));
        this.tables = CopiedTables.read(connection);
    }

    /** Opens the snapshot; the database must exist and carry a schema. */
    public static DatabaseSnapshot open(DatabaseConfig config) {
        if (config.isSqlite()) {
            Optional<Path> file = Database.sqliteFile(config);
            if (file.isPresent() && !Files.isRegularFile(file.get())) {
                throw new DatabaseException("no database at " + file.get());
            }
        }
        try {
            Connection connection = Connections.open(config);
            try {
                connection.setAutoCommit(false);
                if (!config.isSqlite()) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                }
                return new DatabaseSnapshot(connection, config.isSqlite());
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String dialect() {
        return sqlite ? "sqlite" : "postgresql";
    }

    /** The carried tables, in load order. */
    public List<TableShape> tables() {
        return tables;
    }

    /** Streams every row of {@code table}, ordered by its primary key; returns how many. */
    public long read(TableShape table, RowSink sink) throws IOException {
        String columns = table.columns().stream().map(c -> CopiedTables.quoted(c.name()))
                .collect(Collectors.joining(", "));
        String order = table.key().stream().map(CopiedTables::quoted).collect(Collectors.joining(", "));
        String sql = "SELECT " + columns + " FROM " + CopiedTables.quoted(table.name()) + " ORDER BY " + order;
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                Object[] values = new Object[table.columns().size()];
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(rs, i + 1, table.columns().get(i).kind());
                    }
                    sink.row(values);
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read table " + table.name() + ": " + rootMessage(e), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    private static Object value(ResultSet rs, int column, ColumnKind kind) throws SQLException {
        Object value = switch (kind) {
            case TEXT -> rs.getString(column);
            case INTEGER -> rs.getLong(column);
            case REAL -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column);
            case BYTES -> rs.getBytes(column);
        };
        return rs.wasNull() ? null : value;
    }

    /** Ends the read transaction; it wrote nothing. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new DatabaseException("cannot close the database snapshot: " + rootMessage(e), e);
        }
    }
}
