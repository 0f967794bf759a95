package dailypapers;

import dailypapers.store.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every row of every table, read with plain JDBC and written as text the same way on both databases (booleans as
 * true/false, bytes in hex): what a test compares a restored database against, by code apart from the backup's.
 */
public final class TableRows {

    /** The tables a backup rebuilds rather than carries, as docs/operations.md lists them. */
    public static final Set<String> REBUILT = Set.of("flyway_schema_history", "store_count", "data_version",
            "job_lease", "rate_limit", "search_sync_checkpoint");

    private TableRows() {
    }

    /** Table name to its rows, each row its columns by name, sorted; the rebuilt tables left out. */
    public static Map<String, List<String>> of(DatabaseConfig database) {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password())) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.startsWith("sqlite_") && !REBUILT.contains(name)) {
                        names.add(name);
                    }
                }
            }
            for (String name : names) {
                tables.put(name, rows(connection, name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), text(rs, i, meta.getColumnTypeName(i)));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String text(ResultSet rs, int column, String typeName) throws SQLException {
        String type = typeName.toLowerCase(Locale.ROOT);
        String value;
        if (type.startsWith("bool")) {
            value = String.valueOf(rs.getBoolean(column));
        } else if (type.equals("bytea") || type.equals("blob")) {
            byte[] bytes = rs.getBytes(column);
            value = bytes == null ? null : HexFormat.of().formatHex(bytes);
        } else if (type.startsWith("double") || type.startsWith("float") || type.equals("real")) {
            value = String.valueOf(rs.getDouble(column));
        } else if (type.contains("int")) {
            value = String.valueOf(rs.getLong(column));
        } else {
            value = rs.getString(column);
        }
        return rs.wasNull() ? "NULL" : value;
    }
}
