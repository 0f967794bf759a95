package dailypapers.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables a backup, a restore or a move between databases carries, read from the database's own catalogue, in
 * an order that loads them: every table after the tables its foreign keys name.
 */
final class CopiedTables {

    /**
     * Tables rebuilt rather than carried. Flyway's history belongs to the target's own migrations; row counts and
     * the data version are kept by triggers as the rows arrive; job leases and rate-limit windows last minutes; the
     * search sync position describes an index that a backup does not hold (the target rebuilds its own).
     */
    static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "store_count", "data_version",
            "job_lease", "rate_limit", "search_sync_checkpoint");

    /** Marks a database whose restore has not finished; see {@link DatabaseLoader}. */
    static final String RESTORE_MARKER = "restore_in_progress";

    private CopiedTables() {
    }

    static List<TableShape> read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, TableShape> shapes = new TreeMap<>();
        for (String name : present(connection)) {
            if (!NOT_COPIED.contains(name) && !name.equals(RESTORE_MARKER)) {
                shapes.put(name, null);
            }
        }
        Map<String, Set<String>> references = new HashMap<>();
        for (String name : List.copyOf(shapes.keySet())) {
            shapes.put(name, shape(meta, schema, name));
            Set<String> parents = new TreeSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, schema, name)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME");
                    if (!parent.equals(name) && shapes.containsKey(parent)) {
                        parents.add(parent);
                    }
                }
            }
            references.put(name, parents);
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : shapes.keySet()) {
            visit(name, references, ordered, new LinkedHashSet<>());
        }
        List<TableShape> result = new ArrayList<>();
        ordered.forEach(name -> result.add(shapes.get(name)));
        return result;
    }

    private static void visit(String name, Map<String, Set<String>> references, Set<String> ordered,
            Set<String> visiting) {
        if (ordered.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new DatabaseException("the foreign keys of tables " + visiting + " form a cycle");
        }
        references.get(name).forEach(parent -> visit(parent, references, ordered, visiting));
        ordered.add(name);
    }

    private static TableShape shape(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, TableShape.Column> columns = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                columns.put(rs.getInt("ORDINAL_POSITION"),
                        new TableShape.Column(column, ColumnKind.of(table, column, rs.getString("TYPE_NAME"))));
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        if (key.isEmpty()) {
            throw new DatabaseException("table " + table + " has no primary key, so a copy could not read it in a "
                    + "stable order");
        }
        return new TableShape(table, List.copyOf(columns.values()), List.copyOf(key.values()));
    }

    /** The tables in the connection's schema, SQLite's own left out. */
    static Set<String> present(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
