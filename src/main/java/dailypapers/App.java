package dailypapers;

import dailypapers.account.AccountModule;
import dailypapers.backup.Backups;
import dailypapers.comment.CommentModule;
import dailypapers.comment.CommentState;
import dailypapers.comment.CommentWrites;
import dailypapers.digest.Candidates;
import dailypapers.digest.DigestModule;
import dailypapers.digest.DigestTx;
import dailypapers.embedding.Encoder;
import dailypapers.feed.FeedModule;
import dailypapers.ingest.ImportListener;
import dailypapers.ingest.ImportSummary;
import dailypapers.ingest.IngestModule;
import dailypapers.job.JobScheduler;
import dailypapers.library.LibraryModule;
import dailypapers.mail.MailModule;
import dailypapers.moderation.ModerationModule;
import dailypapers.moderation.ModerationTx;
import dailypapers.moderation.Target;
import dailypapers.moderation.TargetKind;
import dailypapers.ops.Doctor;
import dailypapers.ops.Readiness;
import dailypapers.profile.ProfileService;
import dailypapers.ratelimit.RateLimitModule;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchModule;
import dailypapers.search.engine.SearchEngines;
import dailypapers.store.Database;
import dailypapers.store.SchemaVersions;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.JdbiAccountStore;
import dailypapers.store.JdbiModerationStore;
import dailypapers.store.JdbiProfileStore;
import dailypapers.store.JdbiAuditStore;
import dailypapers.store.JdbiCheckpointStore;
import dailypapers.store.JdbiClaimStore;
import dailypapers.store.JdbiCommentStore;
import dailypapers.store.JdbiDigestStore;
import dailypapers.store.JdbiInstallationStore;
import dailypapers.store.JdbiLibraryStore;
import dailypapers.store.JdbiOutboxStore;
import dailypapers.store.JdbiPaperStore;
import dailypapers.store.JdbiRateLimitStore;
import dailypapers.store.JdbiSearchStore;
import dailypapers.store.JdbiSimilarStore;
import dailypapers.store.JdbiSecretStore;
import dailypapers.store.JdbiSubmissionStore;
import dailypapers.store.JdbiSubscriptionStore;
import dailypapers.store.JdbiSyncCheckpointStore;
import dailypapers.store.JdbiThumbnailStore;
import dailypapers.store.JdbiTokenStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.JdbiVectorStore;
import dailypapers.store.JdbiVoteStore;
import dailypapers.store.StoreTx;
import dailypapers.submission.SubmissionModule;
import dailypapers.submission.SubmissionTx;
import dailypapers.takeout.TakeoutService;
import dailypapers.thumbnail.ThumbnailModule;
import dailypapers.token.TokenModule;
import dailypapers.vote.VoteModule;
import dailypapers.vote.VoteTx;
import dailypapers.web.DigestMailTemplate;
import dailypapers.web.Web;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads nothing itself, but opens the database and the job scheduler and composes one
 * module per feature (feed, ingest, thumbnail, mail, account, rate limits, moderation, search), each wiring its own stores and services;
 * then the web server or a CLI command uses the modules. Closing stops the scheduler's jobs first, then the
 * modules, then the database.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Clock clock;
    private final PrometheusMeterRegistry metrics;
    private final Database database;
    private final JobScheduler jobs;
    private final Optional<Encoder> encoder;
    private final FeedModule feed;
    private final IngestModule ingest;
    private final ThumbnailModule thumbnails;
    private final MailModule mail;
    private final AccountModule accounts;
    private final LibraryModule libraries;
    private final RateLimitModule rateLimits;
    private final ModerationModule moderation;
    private final VoteModule votes;
    private final TokenModule tokens;
    private final SubmissionModule submissions;
    private final CommentModule comments;
    private final ProfileService profiles;
    private final DigestModule digests;
    private final TakeoutService takeout;
    /** Empty when another process holds the search index; see {@link #search()}. */
    private final Optional<SearchModule> search;
    private final IndexUnavailableException indexUnavailable;

    private App(Config config, Clock clock, PrometheusMeterRegistry metrics, Database database,
            Optional<Encoder> encoder) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.database = database;
        this.encoder = encoder;
        this.jobs = new JobScheduler(database.leases(), config.jobLease());
        this.feed = new FeedModule(new JdbiPaperStore(database, clock));
        this.ingest = new IngestModule(config.harvest(), feed.papers(), new JdbiCheckpointStore(database), clock,
                jobs);
        this.thumbnails = new ThumbnailModule(config.thumbnails(), new JdbiThumbnailStore(database), clock, jobs);
        this.mail = new MailModule(config.mail(), new JdbiOutboxStore(database),
                new JdbiTransactions(database, clock).view(StoreTx::outbox), clock, jobs);
        JdbiAccountStore accountStore = new JdbiAccountStore(database);
        this.accounts = new AccountModule(config.accounts(), accountStore,
                new JdbiTransactions(database, clock).view(StoreTx::accounts), mail.mailer(),
                config.mail().smtpHost().isPresent() ? Optional.empty() : Optional.of(config.mail().outboxDir()),
                clock);
        this.libraries = new LibraryModule(new JdbiLibraryStore(database), feed.papers(), clock);
        this.rateLimits = new RateLimitModule(new JdbiRateLimitStore(database), clock, jobs);
        JdbiCommentStore commentStore = new JdbiCommentStore(database);
        JdbiSubmissionStore submissionStore = new JdbiSubmissionStore(database);
        // A report names a comment that is there (not deleted) or any submission, hidden ones included.
        Map<TargetKind, Predicate<Target>> reportable = Map.of(
                TargetKind.COMMENT, target -> commentStore.comment(Long.parseLong(target.id()))
                        .filter(c -> c.state() != CommentState.DELETED).isPresent(),
                TargetKind.SUBMISSION, target -> submissionStore.find(Long.parseLong(target.id())).isPresent());
        this.moderation = new ModerationModule(new JdbiAuditStore(database), new JdbiModerationStore(database),
                new JdbiTransactions(database, clock).view(tx -> new ModerationTx(tx.moderation(), tx.audit())),
                accountStore, feed.papers(), reportable, clock);
        this.profiles = new ProfileService(new JdbiProfileStore(database));
        this.votes = new VoteModule(new JdbiTransactions(database, clock).view(tx -> new VoteTx(tx.papers(),
                tx.votes())), feed.papers(), new JdbiVoteStore(database), clock);
        this.tokens = new TokenModule(new JdbiTokenStore(database), new JdbiAccountStore(database), clock);
        this.submissions = new SubmissionModule(config.submissions(), feed.papers(), submissionStore,
                new JdbiClaimStore(database), ingest.arxivApi(), moderation.auditLog(), rateLimits.limiter(),
                new JdbiTransactions(database, clock).view(
                        tx -> new SubmissionTx(tx.papers(), tx.submissions(), tx.claims(), tx.audit())), clock);
        this.comments = new CommentModule(config.comments(), commentStore,
                new JdbiTransactions(database, clock).view(tx -> new CommentWrites(tx.comments(), tx.audit())),
                rateLimits.limiter(), moderation.auditLog(), clock);
        SearchModule opened = null;
        IndexUnavailableException unavailable = null;
        try {
            SearchIndex index = SearchEngines.open(config.search(), config.dataDir());
            try {
                opened = new SearchModule(index, syncLease(config), encoder, config.search(),
                        new JdbiSearchStore(database), new JdbiVectorStore(database, clock),
                        new JdbiSimilarStore(database, clock), new JdbiSyncCheckpointStore(database), clock, jobs);
            } catch (RuntimeException e) {
                index.close();
                throw e;
            }
        } catch (IndexUnavailableException e) {
            unavailable = e;
        }
        this.search = Optional.ofNullable(opened);
        this.indexUnavailable = unavailable;
        this.digests = new DigestModule(config.digests(), new JdbiSubscriptionStore(database),
                new JdbiSecretStore(database), config.accounts().siteUrl(), clock,
                new JdbiTransactions(database, clock).view(StoreTx::subscriptions), mail.mailer(), new DigestModule.Parts(
                        new JdbiDigestStore(database), new JdbiTransactions(database, clock).view(
                                tx -> new DigestTx(tx.subscriptions(), tx.digests(), tx.outbox())),
                        feed.papers(), new Candidates(feed.feed(), () -> search().search(), libraries.service()),
                        new DigestMailTemplate(), mail, jobs));
        this.takeout = new TakeoutService(new TakeoutService.Sources(profiles, tokens.service(), votes.service(),
                comments.service(), libraries.service(), digests.subscriptions(), submissions.submissions(),
                submissions.claims()), feed.papers(), clock);
    }

    /** The search index is derived data under the data directory: losing it loses nothing. */
    public static Path indexPath(Config config) {
        return SearchEngines.indexPath(config.dataDir());
    }

    /**
     * The lease of the index's sync (and rebuilds): one for the whole cluster when every node shares the index
     * (Solr), so one node at a time writes it; for a Lucene index on one node's disk, which each node keeps in
     * step itself, a lease naming this host and directory.
     */
    private static String syncLease(Config config) {
        return config.search().engine().isShared() ? SearchModule.SYNC_JOB : indexLease(indexPath(config));
    }

    private static String indexLease(Path indexPath) {
        String where;
        try {
            where = InetAddress.getLocalHost().getHostName() + ":" + indexPath.toAbsolutePath().normalize();
        } catch (UnknownHostException e) {
            where = "localhost:" + indexPath.toAbsolutePath().normalize();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(where.getBytes(StandardCharsets.UTF_8));
            return SearchModule.SYNC_JOB + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /**
     * Opens and migrates the database and opens the search index, without an embedding model (semantic search
     * then falls back to keywords); throws {@link dailypapers.store.DatabaseException} when the database cannot be
     * opened.
     */
    public static App open(Config config, Clock clock) {
        return open(config, clock, Optional.empty());
    }

    /** As {@link #open(Config, Clock)}, with an embedding model for semantic search and the embedding job. */
    public static App open(Config config, Clock clock, Optional<Encoder> encoder) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        Database database = Database.open(config.database(), metrics, beforeUpgrade(config, clock));
        try {
            return new App(config, clock, metrics, database, encoder);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A database from an older version is backed up before it is migrated, unless {@code upgrade.backup.dir} is
     * none: an upgrade that goes wrong is undone by restoring that file with the previous version.
     */
    private static Database.BeforeUpgrade beforeUpgrade(Config config, Clock clock) {
        return config.upgradeBackupDir().<Database.BeforeUpgrade>map(directory -> (from, to) -> {
            log.info("the database has schema version {}; backing it up into {} before migrating it to {}", from,
                    directory, to);
            Path file = new Backups(clock).backupBeforeUpgrade(config.database(), directory, from, to);
            log.info("backed up to {}; migrating the database from schema {} to {}", file, from, to);
        }).orElse(Database.BeforeUpgrade.NONE);
    }

    /**
     * The doctor's checks over these settings. The database is opened without migrating (and not at all when its
     * SQLite file does not exist yet, which opening would create); the index is read without its write lock.
     */
    public static Doctor doctor(Config config) {
        DatabaseConfig database = config.database();
        return new Doctor(config, database.description(), () -> {
            if (Database.sqliteFile(database).filter(file -> !Files.exists(file)).isPresent()) {
                return Optional.empty();
            }
            // Flyway reads its history on two connections at once; the doctor needs no more.
            return Optional.of(new JdbiInstallationStore(Database.connect(new DatabaseConfig(database.url(),
                    database.user(), database.password(), 2, database.connectionTimeout()),
                    new SimpleMeterRegistry())));
        }, () -> SearchEngines.inspect(config.search().engine(), config.dataDir()));
    }

    /** Starts the web server on the configured address; needs the search index. Jobs start separately. */
    public Web serve() {
        return Web.start(new Web.Settings(config.httpHost(), config.httpPort(), config.adminToken(),
                config.trustedProxies(), config.serverLimits(),
                config.httpCacheBytes()), feed, search(), ingest, thumbnails, community(),
                new Web.Operations(clock, metrics, new Readiness(database::whyUnreachable, search().index(), mail,
                        ingest.monitor()), Database::isUnavailable));
    }

    /**
     * Starts the scheduler's jobs: the index catches up with the database now and every few seconds (rebuilding
     * it when it is new or out of date); with a model, papers without a vector get one; with harvesting on, each
     * source is harvested on its schedule.
     */
    public void startJobs() {
        jobs.start();
    }

    /**
     * Imports a file; with the search index held here, each stored batch is indexed and all of it is searchable
     * when this returns.
     */
    public ImportSummary importFile(Path file, ImportListener listener) throws IOException {
        ImportSummary summary = ingest.importer(ids -> search.ifPresent(s -> s.indexer().updateInBulk(ids)))
                .importFile(file, listener);
        search.ifPresent(s -> s.indexer().refresh());
        return summary;
    }

    /** True when this process holds the search index (no server has it). */
    public boolean hasIndex() {
        return search.isPresent();
    }

    /** Search; throws {@link IndexUnavailableException} when another process holds the index. */
    public SearchModule search() {
        return search.orElseThrow(() -> indexUnavailable);
    }

    public FeedModule feed() {
        return feed;
    }

    public IngestModule ingest() {
        return ingest;
    }

    public ThumbnailModule thumbnails() {
        return thumbnails;
    }

    public MailModule mail() {
        return mail;
    }

    public AccountModule accounts() {
        return accounts;
    }

    public LibraryModule libraries() {
        return libraries;
    }

    /** The members' features, as the web server is handed them. */
    public Web.Community community() {
        return new Web.Community(accounts, rateLimits, votes, tokens, submissions, comments, libraries, moderation,
                profiles, digests, takeout);
    }

    public RateLimitModule rateLimits() {
        return rateLimits;
    }

    public ModerationModule moderation() {
        return moderation;
    }

    public VoteModule votes() {
        return votes;
    }

    public TokenModule tokens() {
        return tokens;
    }

    public SubmissionModule submissions() {
        return submissions;
    }

    public CommentModule comments() {
        return comments;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public DigestModule digests() {
        return digests;
    }

    public JobScheduler jobs() {
        return jobs;
    }

    public Config config() {
        return config;
    }

    /** The schema version this build migrates databases to. */
    public static final int SCHEMA_VERSION = SchemaVersions.LATEST;

    /** A database as {@code version} reports it: its URL without credentials and the schema version it carries. */
    public record DatabaseSchema(String database, Optional<Integer> version) {
    }

    /**
     * The configured database's schema version, read without migrating it (or, for SQLite, creating its file);
     * empty when it has no schema yet. Throws a {@link dailypapers.store.DatabaseException} when it cannot be read.
     */
    public static DatabaseSchema databaseSchema(Config config) {
        return new DatabaseSchema(config.database().description(), SchemaVersions.of(config.database()));
    }

    /** The database URL without its query string, which may carry credentials; for logs. */
    public String databaseDescription() {
        return config.database().description();
    }

    /**
     * Stops every job and waits for it (so that no harvest, index write or model call is in flight), then closes
     * the index, the model, the upstream clients and the database, each even if an earlier one failed.
     */
    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable part : new AutoCloseable[] {jobs, () -> search.ifPresent(SearchModule::close),
                () -> encoder.ifPresent(Encoder::close), ingest, thumbnails, database}) {
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
