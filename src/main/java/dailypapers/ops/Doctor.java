package dailypapers.ops;

import static dailypapers.text.Messages.rootMessage;

import dailypapers.Config;
import dailypapers.mail.MailException;
import dailypapers.mail.MailTransport;
import dailypapers.mail.Message;
import dailypapers.search.IndexSnapshot;
import dailypapers.search.SearchIndexer;
import dailypapers.search.SyncCheckpointStore.SyncCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The checks of {@code ./dailypapers doctor}: the settings, the database and its schema, the disk under the data
 * directory, the search index against the database, and mail. It changes nothing: the database is opened without
 * migrating and the index is read without its write lock, so it runs beside a server. Only
 * {@code --send-test-mail} does something, and only that.
 */
public final class Doctor {

    /** Below this SQLite cannot checkpoint its log nor Lucene merge segments: writes start failing. */
    static final long DISK_FAIL_BYTES = 100L * 1024 * 1024;
    /**
     * Below this (or {@link #DISK_WARN_FRACTION} of the disk) a rebuild of the index, which needs about its own size
     * again until the swap, or a week of harvests may not fit.
     */
    static final long DISK_WARN_BYTES = 1024L * 1024 * 1024;
    static final double DISK_WARN_FRACTION = 0.05;

    public static final String TEST_MAIL_SUBJECT = "Daily Papers test message";

    /** Opens the database without migrating it; empty when there is none yet (no SQLite file). */
    @FunctionalInterface
    public interface Opener {
        Optional<InstallationStore> open();
    }

    private final Config config;
    private final String where;
    private final Opener database;
    private final Supplier<Optional<IndexSnapshot>> index;

    /**
     * @param where the database as messages name it, without credentials
     * @param index what the index on this machine holds; empty when there is none yet
     */
    public Doctor(Config config, String where, Opener database, Supplier<Optional<IndexSnapshot>> index) {
        this.config = config;
        this.where = where;
        this.database = database;
        this.index = index;
    }

    /** The test message for {@code to}; throws {@link IllegalArgumentException} when it is not one address. */
    public static Message testMail(String to) {
        return Message.plain(to, TEST_MAIL_SUBJECT, "This message was sent by ./dailypapers doctor --send-test-mail:"
                + " this Daily Papers instance can send mail.\n");
    }

    /**
     * Every check after the settings loaded, in the order an operator fixes things; with a test message, it is
     * sent through the configured transport.
     */
    public List<Finding> examine(Optional<Message> testMail) {
        List<Finding> findings = new ArrayList<>(settings());
        examineDatabaseAndIndex(findings);
        findings.add(disk());
        findings.addAll(mail(testMail));
        return findings;
    }

    /** What the settings leave undone; nothing when they are consistent (loading them was checked already). */
    private List<Finding> settings() {
        List<Finding> findings = new ArrayList<>();
        if (config.adminToken().isEmpty() && !isLoopback(config.httpHost())) {
            findings.add(Finding.warn("config", "no admin.token while serve listens on " + config.httpHost()
                    + ": the admin pages and /metrics answer only requests from this machine",
                    "set admin.token (e.g. from openssl rand -hex 32) to reach them from elsewhere and let"
                            + " Prometheus scrape /metrics"));
        }
        String siteHost = config.accounts().siteUrl().getHost();
        if (isLoopback(siteHost)) {
            findings.add(Finding.warn("config", "http.base.url is " + config.accounts().siteUrl()
                    + ": links in mail (sign-in, confirmation, digests) point at this machine",
                    "set http.base.url to the address members reach, e.g. https://papers.example.org"));
        }
        return findings;
    }

    private void examineDatabaseAndIndex(List<Finding> findings) {
        Optional<InstallationStore> opened;
        try {
            opened = database.open();
        } catch (RuntimeException e) {
            findings.add(Finding.fail("database", "cannot connect to " + where + ": " + rootMessage(e),
                    "check database.url, database.user and database.password, and that the database server runs"));
            findings.add(index(Optional.empty()));
            return;
        }
        if (opened.isEmpty()) {
            findings.add(Finding.warn("database", "no database yet at " + where,
                    "start ./dailypapers serve (or import) once: it creates the database"));
            findings.add(index(Optional.empty()));
            return;
        }
        try (InstallationStore store = opened.get()) {
            Optional<InstallationStore> current = Optional.empty();
            try {
                Finding schema = schema(store.schema(), where);
                findings.add(schema);
                if (schema.level() == Finding.Level.OK) {
                    current = Optional.of(store);
                }
            } catch (RuntimeException e) {
                findings.add(Finding.fail("database", "cannot read the schema history of " + where + ": "
                        + rootMessage(e), "check that database.url names the Daily Papers database and that"
                        + " database.user may read it"));
            }
            findings.add(index(current));
        }
    }

    private static Finding schema(SchemaStatus schema, String where) {
        if (schema.unfinishedRestore().isPresent()) {
            return Finding.fail("database", where + " holds a restore that did not finish ("
                    + schema.unfinishedRestore().get() + "): it is incomplete, and serve refuses it",
                    "run ./dailypapers restore FILE --force again, or point database.url at another database");
        }
        if (!schema.unknown().isEmpty()) {
            return Finding.fail("database", "the schema at " + where + " is at version "
                    + schema.applied().orElse("?") + ", newer than this build knows (" + schema.known()
                    + "): a newer release migrated it (unknown versions " + String.join(", ", schema.unknown()) + ")",
                    "run the release that migrated it, or restore a backup taken before the upgrade");
        }
        if (schema.applied().isEmpty()) {
            return Finding.warn("database", where + " is reachable but empty: no schema yet",
                    "start ./dailypapers serve once: it creates the schema");
        }
        if (!schema.pending().isEmpty()) {
            return Finding.warn("database", "the schema at " + where + " is at version " + schema.applied().get()
                    + "; this build brings it to " + schema.known() + " (" + schema.pending().size()
                    + " migrations pending)", "back up the database, then start ./dailypapers serve: it migrates"
                    + " at start");
        }
        return Finding.ok("database", where + " is reachable; schema at version " + schema.applied().get()
                + ", as this build expects");
    }

    /**
     * The index against the database: the same number of documents as papers, and a sync position the database
     * keeps for the index's generation. {@code store} is empty when the database cannot be compared with.
     */
    private Finding index(Optional<InstallationStore> store) {
        Optional<IndexSnapshot> snapshot;
        try {
            snapshot = index.get();
        } catch (UncheckedIOException e) {
            if (config.search().engine().isShared()) {
                return Finding.fail("index", e.getCause().getMessage(), "check search.solr.urls and that SolrCloud"
                        + " answers there (scripts/cluster status, for the local cluster); a collection that is lost"
                        + " is rebuilt from the database by ./dailypapers reindex");
            }
            return Finding.fail("index", rootMessage(e), "stop the server and run ./dailypapers reindex: the index is"
                    + " rebuilt from the database, and losing it loses nothing");
        }
        if (snapshot.isEmpty()) {
            String where = config.search().engine().isShared()
                    ? "behind the Solr alias " + config.search().solr().collection() : "under " + config.dataDir();
            return Finding.warn("index", "no search index yet " + where,
                    "start ./dailypapers serve (it builds the index from the database) or run ./dailypapers"
                            + " reindex");
        }
        IndexSnapshot held = snapshot.get();
        if (store.isEmpty()) {
            return Finding.warn("index", "the index holds " + held.documents() + " documents; not compared with the"
                    + " database, which is not ready (see above)", "fix the database first");
        }
        Optional<SyncCheckpoint> checkpoint = store.get().syncCheckpoint(held.generation());
        if (checkpoint.isEmpty()) {
            return Finding.warn("index", "the index (generation " + held.generation() + ") has no sync position in"
                    + " this database: it was built from another database, or never synced",
                    "start ./dailypapers serve (it rebuilds the index) or run ./dailypapers reindex");
        }
        if (!SearchIndexer.SCHEMA_VERSION.equals(checkpoint.get().schema())) {
            return Finding.warn("index", "the index was built with document schema " + checkpoint.get().schema()
                    + "; this build writes " + SearchIndexer.SCHEMA_VERSION,
                    "start ./dailypapers serve: it rebuilds the index");
        }
        long papers = store.get().papers();
        String position = "synced up to " + checkpoint.get().syncedAt();
        if (papers != held.documents()) {
            return Finding.warn("index", "the index holds " + held.documents() + " documents, the database "
                    + papers + " papers (" + position + ")", "a running server catches up within seconds; if the"
                    + " numbers stay apart, stop it and run ./dailypapers reindex");
        }
        return Finding.ok("index", held.documents() + " documents for " + papers + " papers, " + position);
    }

    private Finding disk() {
        Path dir = config.dataDir().toAbsolutePath();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        long free;
        long total;
        try {
            FileStore store = Files.getFileStore(existing == null ? dir : existing);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            return Finding.fail("disk", "cannot read the free space at " + dir + ": " + e.getMessage(),
                    "check that data.dir names a directory this user may read");
        }
        String space = bytes(free) + " free of " + bytes(total) + " at " + dir;
        if (free < DISK_FAIL_BYTES) {
            return Finding.fail("disk", "only " + space, "free space on that filesystem or move data.dir: below "
                    + bytes(DISK_FAIL_BYTES) + " the database and the index cannot write");
        }
        if (free < DISK_WARN_BYTES || free < total * DISK_WARN_FRACTION) {
            return Finding.warn("disk", "only " + space, "free space on that filesystem or move data.dir: an index"
                    + " rebuild needs about the index's size again");
        }
        return Finding.ok("disk", space);
    }

    private List<Finding> mail(Optional<Message> testMail) {
        List<Finding> findings = new ArrayList<>();
        MailTransport transport = MailTransport.of(config.mail());
        try {
            if (config.mail().smtpHost().isEmpty()) {
                findings.add(Finding.warn("mail", "no mail.smtp.host: mail is written as .eml files in "
                        + config.mail().outboxDir() + ", and nobody receives it", "set mail.smtp.host (with"
                        + " mail.smtp.port, .security, .user and .password) to send mail"));
            } else {
                try {
                    transport.verify();
                    findings.add(Finding.ok("mail", transport.describe() + " accepts a connection"
                            + (config.mail().user().isPresent() ? " and the login" : "")));
                } catch (MailException e) {
                    findings.add(Finding.fail("mail", transport.describe() + ": " + e.getMessage(), smtpFix()));
                }
            }
            testMail.ifPresent(message -> findings.add(send(transport, message)));
        } finally {
            transport.disconnect();
        }
        return findings;
    }

    private static Finding send(MailTransport transport, Message message) {
        String to = message.to();
        String id = "doctor-" + UUID.randomUUID();
        try {
            transport.deliver(id, message);
            return Finding.ok("mail", "test message " + id + " to " + to + " handed to " + transport.describe());
        } catch (MailException e) {
            return Finding.fail("mail", "test message to " + to + " not delivered via " + transport.describe() + ": "
                    + e.getMessage(), smtpFix());
        }
    }

    private static String smtpFix() {
        return "check mail.smtp.host, .port, .security, .user and .password, mail.from, and that the server is"
                + " reachable from here";
    }

    /** A name that is this machine for sure: a loopback address, or a name that resolves only to one. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Bytes in binary units, one decimal: {@code 812.0 MiB}. */
    static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
