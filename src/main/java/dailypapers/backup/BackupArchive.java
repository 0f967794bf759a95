package dailypapers.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.AppVersion;
import dailypapers.store.DatabaseSnapshot;
import dailypapers.store.SchemaVersions;
import dailypapers.store.TableShape;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip archive with one entry per table ({@code tables/NAME.jsonl}, a JSON array of values per
 * row, bytes in Base64) and {@code manifest.json}. A zip's directory sits at its end, so a file cut short has none
 * and is refused as a whole; each table's SHA-256 catches damage inside an entry. It is written under a
 * {@code .partial} name, synced, then renamed, so no interrupted backup leaves a file that looks complete.
 */
final class BackupArchive {

    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A row holds an abstract and a thumbnail at most: far below this, but above Jackson's 20 MB default. */
    private static final JsonFactory ROWS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(64 << 20).build()).build();

    /** Receives each table's row count as the backup moves on. */
    @FunctionalInterface
    interface Progress {
        void table(String name, long rows);
    }

    private BackupArchive() {
    }

    /** Writes every table of {@code snapshot} to {@code file}, which must not exist yet. */
    static BackupManifest write(DatabaseSnapshot snapshot, Path file, String createdAt, Progress progress)
            throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            BackupManifest manifest;
            try (FileOutputStream out = new FileOutputStream(partial.toFile());
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16))) {
                List<BackupManifest.Table> tables = new ArrayList<>();
                for (TableShape table : snapshot.tables()) {
                    tables.add(writeTable(snapshot, table, zip));
                    progress.table(table.name(), tables.getLast().rows());
                }
                manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION,
                        AppVersion.current(), snapshot.schemaVersion(), createdAt, snapshot.dialect(), tables);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                out.getFD().sync();
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static BackupManifest.Table writeTable(DatabaseSnapshot snapshot, TableShape table, ZipOutputStream zip)
            throws IOException {
        List<BackupManifest.Column> columns = table.columns().stream()
                .map(c -> new BackupManifest.Column(c.name(), c.kind().name().toLowerCase(Locale.ROOT))).toList();
        BackupManifest.Table entry = new BackupManifest.Table(table.name(), columns, 0, "");
        zip.putNextEntry(new ZipEntry(entry.entry()));
        MessageDigest sha256 = sha256();
        long rows;
        try (JsonGenerator json = ROWS.createGenerator(new DigestOutputStream(unclosable(zip), sha256))) {
            rows = snapshot.read(table, values -> {
                json.writeStartArray();
                for (int i = 0; i < values.length; i++) {
                    writeValue(json, values[i]);
                }
                json.writeEndArray();
                json.writeRaw('\n');
            });
        }
        zip.closeEntry();
        return new BackupManifest.Table(table.name(), columns, rows, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Long l -> json.writeNumber(l);
            case Double d when Double.isFinite(d) -> json.writeNumber(d);
            case Boolean b -> json.writeBoolean(b);
            case byte[] bytes -> json.writeString(Base64.getEncoder().encodeToString(bytes));
            default -> throw new IllegalArgumentException("a backup cannot hold the value " + value);
        }
    }

    /** The zip stays open when a table's JSON writer closes. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** An open backup file, its manifest read and checked against what this build can restore. */
    static final class Reader implements AutoCloseable {

        /** Receives one row's values, converted to the kinds the manifest names. */
        @FunctionalInterface
        interface RowSink {
            void row(Object[] values);
        }

        private final Path file;
        private final ZipFile zip;
        private final BackupManifest manifest;

        private Reader(Path file, ZipFile zip, BackupManifest manifest) {
            this.file = file;
            this.zip = zip;
            this.manifest = manifest;
        }

        static Reader open(Path file) {
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                throw new BackupException("no backup at " + file);
            } catch (ZipException e) {
                throw new BackupException(file + " is not a complete backup: it is truncated, or not a Daily Papers "
                        + "backup at all (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
            }
            try {
                return new Reader(file, zip, manifest(file, zip));
            } catch (RuntimeException e) {
                try {
                    zip.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        private static BackupManifest manifest(Path file, ZipFile zip) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new BackupException(file + " is not a Daily Papers backup: it has no " + MANIFEST);
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = JSON.readValue(in, BackupManifest.class);
            } catch (IOException e) {
                throw new BackupException(file + " is corrupt: its " + MANIFEST + " cannot be read ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
            if (!BackupManifest.FORMAT.equals(manifest.format())) {
                throw new BackupException(file + " is not a Daily Papers backup: its manifest names the format "
                        + manifest.format());
            }
            if (manifest.formatVersion() > BackupManifest.FORMAT_VERSION) {
                throw new BackupException(file + " was written by Daily Papers " + manifest.appVersion()
                        + " in backup format " + manifest.formatVersion() + ", which this version "
                        + AppVersion.current() + " cannot read: restore it with that version or a newer one");
            }
            if (manifest.schemaVersion() > SchemaVersions.LATEST) {
                throw new BackupException(file + " holds schema version " + manifest.schemaVersion() + " (Daily Papers "
                        + manifest.appVersion() + "), newer than this Daily Papers " + AppVersion.current()
                        + " knows (schema " + SchemaVersions.LATEST + "): restore it with that version or a newer one");
            }
            return manifest;
        }

        BackupManifest manifest() {
            return manifest;
        }

        /** Reads every table to its end, checking row counts and checksums; writes nothing anywhere. */
        void verify() {
            for (BackupManifest.Table table : manifest.tables()) {
                rows(table, values -> { });
            }
        }

        /**
         * Streams one table's rows to {@code sink}, then checks their count and checksum against the manifest; a
         * mismatch throws after the rows were handed over, so a caller writing them must roll back.
         */
        long rows(BackupManifest.Table table, RowSink sink) {
            ZipEntry entry = zip.getEntry(table.entry());
            if (entry == null) {
                throw corrupt("the rows of table " + table.name() + " are missing", null);
            }
            MessageDigest sha256 = sha256();
            long rows = 0;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256);
                    JsonParser json = ROWS.createParser(in)) {
                List<BackupManifest.Column> columns = table.columns();
                Object[] values = new Object[columns.size()];
                for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                    if (token != JsonToken.START_ARRAY) {
                        throw corrupt("table " + table.name() + ", row " + (rows + 1) + " is not a JSON array", null);
                    }
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(json, table, columns.get(i), rows + 1);
                    }
                    if (json.nextToken() != JsonToken.END_ARRAY) {
                        throw corrupt("table " + table.name() + ", row " + (rows + 1) + " has more values than its "
                                + values.length + " columns", null);
                    }
                    sink.row(values);
                    rows++;
                }
            } catch (JsonProcessingException e) {
                throw corrupt("table " + table.name() + ", row " + (rows + 1) + " is not valid JSON ("
                        + e.getOriginalMessage() + ")", e);
            } catch (IOException e) {
                throw corrupt("table " + table.name() + " cannot be read (" + e.getMessage() + ")", e);
            }
            if (rows != table.rows()) {
                throw corrupt("table " + table.name() + " holds " + rows + " rows where its manifest says "
                        + table.rows(), null);
            }
            if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
                throw corrupt("the rows of table " + table.name() + " do not match the checksum in its manifest",
                        null);
            }
            return rows;
        }

        private Object value(JsonParser json, BackupManifest.Table table, BackupManifest.Column column, long row)
                throws IOException {
            JsonToken token = json.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            Object value = switch (column.kind()) {
                case "text" -> token == JsonToken.VALUE_STRING ? json.getText() : null;
                case "integer" -> token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : null;
                case "real" -> token.isNumeric() ? json.getDoubleValue() : null;
                case "boolean" -> token.isBoolean() ? json.getBooleanValue() : null;
                case "bytes" -> token == JsonToken.VALUE_STRING ? base64(json.getText()) : null;
                default -> throw corrupt("column " + table.name() + "." + column.name() + " has an unknown kind "
                        + column.kind(), null);
            };
            if (value == null) {
                throw corrupt("table " + table.name() + ", row " + row + ": column " + column.name() + " should hold "
                        + column.kind() + ", not " + token, null);
            }
            return value;
        }

        private static byte[] base64(String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private BackupException corrupt(String what, Throwable cause) {
            return new BackupException(file + " is corrupt: " + what, cause);
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                throw new BackupException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
