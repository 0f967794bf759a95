package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A row per paper deleted from {@code paper}, written by a trigger whatever deletes it, so that the search index
 * sync removes the paper from the index (a paper hidden later, by a flag, reaches it as an update instead). In
 * Java because the two databases write triggers differently; the table is the same on both. The time is the
 * database's, ISO-8601 like the application's stored instants.
 */
public class V11__paper_removal extends BaseJavaMigration {

    private static final List<String> TABLE = List.of("""
            CREATE TABLE paper_removal (
                paper_id   TEXT NOT NULL PRIMARY KEY,
                removed_at TEXT NOT NULL
            )""", "CREATE INDEX paper_removal_at ON paper_removal (removed_at)");

    private static final List<String> SQLITE = List.of("""
            CREATE TRIGGER paper_removed AFTER DELETE ON paper
            BEGIN
                INSERT OR REPLACE INTO paper_removal (paper_id, removed_at)
                VALUES (old.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
            END""");

    private static final List<String> POSTGRESQL = List.of("""
            CREATE FUNCTION paper_removed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO paper_removal (paper_id, removed_at)
                VALUES (OLD.id, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                ON CONFLICT (paper_id) DO UPDATE SET removed_at = excluded.removed_at;
                RETURN OLD;
            END
            $$""", """
            CREATE TRIGGER paper_removed AFTER DELETE ON paper
            FOR EACH ROW EXECUTE FUNCTION paper_removed()""");

    @Override
    public void migrate(Context context) throws SQLException {
        boolean sqlite = context.getConnection().getMetaData().getDatabaseProductName().equalsIgnoreCase("SQLite");
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : TABLE) {
                statement.execute(sql);
            }
            for (String sql : sqlite ? SQLITE : POSTGRESQL) {
                statement.execute(sql);
            }
        }
    }
}
