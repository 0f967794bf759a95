package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.CleanResult;

/**
 * Fills an empty database with copied rows: a restore, or a move between SQLite and PostgreSQL. The target is first
 * marked ({@code restore_in_progress}, outside the migrations) and migrated to the copy's schema version; every row
 * then goes in one transaction, counted inside it; only after the commit and the migrations up to this build's
 * version is the mark removed. A load cut short at any point leaves the mark, and {@link Database#open} refuses a
 * marked database, so a half-filled one is never served.
 */
public final class DatabaseLoader implements AutoCloseable {

    /** Rows sent per batch. */
    private static final int BATCH = 1_000;

    private final DatabaseConfig config;
    private final Connection connection;
    private Map<String, TableShape> tables = Map.of();
    private Set<String> identityTables = Set.of();

    private DatabaseLoader(DatabaseConfig config, Connection connection) {
        this.config = config;
        this.connection = connection;
    }

    public static DatabaseLoader open(DatabaseConfig config) {
        if (config.isSqlite()) {
            Database.createParentDirectory(config);
        }
        try {
            return new DatabaseLoader(config, Connections.open(config));
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
    }

    /** What an unfinished restore left in the database ("of FILE, begun AT"); empty when there is none. */
    static Optional<String> unfinishedRestore(Connection connection) throws SQLException {
        if (!CopiedTables.present(connection).contains(CopiedTables.RESTORE_MARKER)) {
            return Optional.empty();
        }
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT source, started_at FROM "
                        + CopiedTables.RESTORE_MARKER)) {
            return Optional.of(rs.next() ? "of " + rs.getString(1) + ", begun " + rs.getString(2) : "begun");
        }
    }

    /** True when the database holds no table at all. */
    public boolean isEmpty() {
        try {
            return CopiedTables.present(connection).isEmpty();
        } catch (SQLException e) {
            throw failure("cannot list the tables", e);
        }
    }

    /** Drops every table, trigger and sequence in the database's schema: what {@code --force} asks for. */
    public void clear() {
        try {
            CleanResult result = Database.flyway(config).cleanDisabled(false).load().clean();
            if (!result.warnings.isEmpty()) {
                throw new DatabaseException("could not empty the database at " + config.description() + ": "
                        + String.join("; ", result.warnings));
            }
        } catch (FlywayException e) {
            throw new DatabaseException("cannot empty the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
    }

    /**
     * Marks the database as being restored from {@code source} and migrates it to {@code schemaVersion}, the copy's;
     * then opens the transaction the rows go in.
     */
    public void begin(String source, int schemaVersion) {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + CopiedTables.RESTORE_MARKER
                    + " (source TEXT NOT NULL, started_at TEXT NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + CopiedTables.RESTORE_MARKER
                    + " (source, started_at) VALUES (?, ?)")) {
                insert.setString(1, source);
                insert.setString(2, Instant.now().toString());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("cannot mark the database as being restored", e);
        }
        migrate(String.valueOf(schemaVersion));
        try {
            tables = CopiedTables.read(connection).stream()
                    .collect(Collectors.toMap(TableShape::name, t -> t, (a, b) -> a, LinkedHashMap::new));
            identityTables = config.isSqlite() ? Set.of() : identityTables();
            connection.setAutoCommit(false);
            if (!config.isSqlite()) {
                setUserTriggers("DISABLE");
            }
        } catch (SQLException e) {
            throw failure("cannot read the migrated schema", e);
        }
    }

    /**
     * On PostgreSQL the load runs without the tables' own triggers, which keep row counts and the data version in
     * one row each: updating one row once per inserted row, in one transaction, makes PostgreSQL walk every earlier
     * version of it, and 20,000 papers took 2.6 s with them against 0.12 s without. Foreign keys, which are
     * system triggers, stay on. {@link #finish} computes what the triggers would have left; disabling is part of
     * the load's transaction, so a load that fails leaves them on. SQLite updates a row in place and keeps them.
     */
    private void setUserTriggers(String action) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String table : tables.keySet()) {
                statement.execute("ALTER TABLE " + CopiedTables.quoted(table) + " " + action + " TRIGGER USER");
            }
        }
    }

    /** What the disabled insert triggers would have left: the row counts (V8) and a new data version (V14). */
    private void recountWithoutTriggers() throws SQLException {
        Set<String> present = CopiedTables.present(connection);
        try (var statement = connection.createStatement()) {
            if (present.contains("store_count")) {
                statement.execute("DELETE FROM store_count");
                statement.execute("INSERT INTO store_count (name, value) SELECT 'paper', COUNT(*) FROM paper");
                statement.execute("INSERT INTO store_count (name, value) SELECT 'featured', COUNT(*) FROM featured");
                statement.execute("INSERT INTO store_count (name, value) SELECT 'paper_vector:' || model, COUNT(*)"
                        + " FROM paper_vector GROUP BY model");
            }
            if (present.contains("data_version")) {
                statement.execute("UPDATE data_version SET value = value + 1");
            }
        }
    }

    /** Tables whose id PostgreSQL generates ({@code GENERATED ALWAYS AS IDENTITY}): copied ids override it. */
    private Set<String> identityTables() throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name FROM "
                + "information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The rows of one table, in the order given; the table and columns must exist at the copy's version. */
    public TableWriter table(String name, List<String> columns) {
        TableShape shape = tables.get(name);
        if (shape == null) {
            throw new DatabaseException("table " + name + " is not in schema version of the target database");
        }
        Map<String, ColumnKind> kinds = shape.columns().stream()
                .collect(Collectors.toMap(TableShape.Column::name, TableShape.Column::kind));
        List<ColumnKind> columnKinds = columns.stream().map(column -> {
            ColumnKind kind = kinds.get(column);
            if (kind == null) {
                throw new DatabaseException("column " + name + "." + column + " is not in the target database");
            }
            return kind;
        }).toList();
        String sql = "INSERT INTO " + CopiedTables.quoted(name) + " ("
                + columns.stream().map(CopiedTables::quoted).collect(Collectors.joining(", ")) + ")"
                + (identityTables.contains(name) ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try {
            return new TableWriter(name, columns, columnKinds, connection.prepareStatement(sql));
        } catch (SQLException e) {
            throw failure("cannot write table " + name, e);
        }
    }

    /** Writes one table's rows in batches. */
    public static final class TableWriter implements AutoCloseable {
        private final String table;
        private final List<String> columns;
        private final List<ColumnKind> kinds;
        private final PreparedStatement insert;
        private int pending;
        private long rows;

        private TableWriter(String table, List<String> columns, List<ColumnKind> kinds, PreparedStatement insert) {
            this.table = table;
            this.columns = columns;
            this.kinds = kinds;
            this.insert = insert;
        }

        /** Adds a row: String, Long, Double, Boolean, byte[] or null per column. */
        public void add(Object[] values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    bind(i, values[i]);
                }
                insert.addBatch();
                rows++;
                if (++pending == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new DatabaseException("cannot write row " + rows + " of table " + table + ": "
                        + rootMessage(e), e);
            }
        }

        private void bind(int index, Object value) throws SQLException {
            ColumnKind kind = kinds.get(index);
            int parameter = index + 1;
            if (value == null) {
                insert.setNull(parameter, kind.sqlType);
                return;
            }
            try {
                switch (kind) {
                    case TEXT -> insert.setString(parameter, (String) value);
                    case INTEGER -> insert.setLong(parameter, ((Number) value).longValue());
                    case REAL -> insert.setDouble(parameter, ((Number) value).doubleValue());
                    case BOOLEAN -> insert.setBoolean(parameter,
                            value instanceof Boolean b ? b : ((Number) value).longValue() != 0);
                    case BYTES -> insert.setBytes(parameter, (byte[]) value);
                }
            } catch (ClassCastException e) {
                throw new DatabaseException("row " + (rows + 1) + " of table " + table + ": column "
                        + columns.get(index) + " should hold " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + ", not " + value.getClass().getSimpleName(), e);
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        /** Sends the last batch; returns the rows written. */
        public long finish() {
            try {
                flush();
                return rows;
            } catch (SQLException e) {
                throw new DatabaseException("cannot write table " + table + ": " + rootMessage(e), e);
            }
        }

        @Override
        public void close() {
            try {
                insert.close();
            } catch (SQLException e) {
                throw new DatabaseException("cannot close the writer of table " + table + ": " + rootMessage(e), e);
            }
        }
    }

    /** The rows of each table now, in the load's transaction. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var statement = connection.createStatement()) {
            for (String table : tables.keySet()) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + CopiedTables.quoted(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot count the rows", e);
        }
        return counts;
    }

    /**
     * Commits the rows (on PostgreSQL with the counts its disabled triggers would have kept, and the triggers on
     * again), moves PostgreSQL's id sequences past the copied ids, migrates to this build's schema and removes the
     * mark: the database is usable from here on.
     */
    public void finish() {
        try {
            if (!config.isSqlite()) {
                recountWithoutTriggers();
                setUserTriggers("ENABLE");
            }
            try (var statement = connection.createStatement()) {
                for (String table : identityTables) {
                    String quoted = CopiedTables.quoted(table);
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + quoted.replace("'", "''")
                            + "', 'id'), COALESCE((SELECT MAX(id) FROM " + quoted + "), 0) + 1, false)");
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure("cannot commit the restored rows", e);
        }
        migrate(null);
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + CopiedTables.RESTORE_MARKER);
        } catch (SQLException e) {
            throw failure("cannot remove the restore mark", e);
        }
    }

    private void migrate(String target) {
        try {
            // The mark is already there, so Flyway finds a schema without its history: a baseline at 0 lets it
            // apply every migration from the first.
            var flyway = Database.flyway(config).baselineOnMigrate(true).baselineVersion("0");
            if (target != null) {
                flyway.target(target);
            }
            flyway.group(true).load().migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("cannot migrate the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
    }

    private DatabaseException failure(String what, SQLException e) {
        return new DatabaseException(what + " in the database at " + config.description() + ": " + rootMessage(e), e);
    }

    /** Ends the connection; rows not yet committed are rolled back, and the mark stays. */
    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            throw failure("cannot close the connection", e);
        }
    }
}
