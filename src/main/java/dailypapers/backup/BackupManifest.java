package dailypapers.backup;

import java.util.List;

/**
 * What a backup holds, written into it as {@code manifest.json}: the version and schema that made it, and per table
 * its columns, its row count and the SHA-256 of its uncompressed rows, so a restore can refuse a damaged file
 * before it writes anything.
 */
public record BackupManifest(String format, int formatVersion, String appVersion, int schemaVersion,
        String createdAt, String source, List<Table> tables) {

    public static final String FORMAT = "dailypapers-backup";
    public static final int FORMAT_VERSION = 1;

    public BackupManifest {
        tables = List.copyOf(tables);
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    /** One table: its columns in the order each row lists its values. */
    public record Table(String name, List<Column> columns, long rows, String sha256) {
        public Table {
            columns = List.copyOf(columns);
        }

        /** The entry of the archive that holds the rows. */
        String entry() {
            return "tables/" + name + ".jsonl";
        }
    }

    /** A column and its kind, as {@code dailypapers.store.ColumnKind} names it in lower case. */
    public record Column(String name, String kind) {
    }
}
