package dailypapers;

import dailypapers.account.AccountSettings;
import dailypapers.account.LinkPurpose;
import dailypapers.comment.CommentSettings;
import dailypapers.digest.DigestSettings;
import dailypapers.digest.Schedule;
import dailypapers.embedding.EncoderModel;
import dailypapers.embedding.Encoders;
import dailypapers.embedding.OnnxEncoder;
import dailypapers.ingest.HarvestSettings;
import dailypapers.job.JobScheduler;
import dailypapers.ingest.arxiv.ArxivSet;
import dailypapers.mail.MailSettings;
import dailypapers.ops.LogFormat;
import dailypapers.search.Fusion;
import dailypapers.search.Ranker;
import dailypapers.search.SearchEngine;
import dailypapers.search.SearchSettings;
import dailypapers.search.SolrSettings;
import dailypapers.store.DatabaseConfig;
import dailypapers.submission.SubmissionSettings;
import dailypapers.thumbnail.ThumbnailSettings;
import dailypapers.web.AdminToken;
import dailypapers.web.ServerLimits;
import dailypapers.web.TrustedProxies;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Instance settings, typed. Every setting is one {@link Setting} in {@link #SETTINGS}; each can come from a properties
 * file, an environment variable or a command-line flag, and later sources win: defaults, then the file, then the
 * environment ({@code DAILYPAPERS_HTTP_PORT} for {@code http.port}), then flags.
 */
public record Config(Path dataDir, DatabaseConfig database, String httpHost, int httpPort, HarvestSettings harvest,
        SearchSettings search, Optional<AdminToken> adminToken, TrustedProxies trustedProxies,
        ThumbnailSettings thumbnails, MailSettings mail, AccountSettings accounts, SubmissionSettings submissions,
        CommentSettings comments, DigestSettings digests, ServerLimits serverLimits, long httpCacheBytes,
        Optional<Path> upgradeBackupDir, LogFormat logFormat, Duration jobLease) {

    private static final String NONE = "none";

    public static final Setting<Path> DATA_DIR = Setting.of("data.dir", "data", Path::of,
            "where the embedded database and the search index live").withFlag("--data-dir");
    public static final Setting<String> DATABASE_URL = Setting.computed("database.url",
            "`jdbc:sqlite:<data.dir>/dailypapers.db`",
            values -> "jdbc:sqlite:" + values.get(DATA_DIR).resolve("dailypapers.db"), Config::text,
            "the database: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB").withFlag("--database-url");
    public static final Setting<Optional<String>> DATABASE_USER = Setting.optional("database.user", Config::text,
            "database user").withFlag("--database-user");
    public static final Setting<Optional<String>> DATABASE_PASSWORD = Setting.optional("database.password",
            Config::text, "database password").withFlag("--database-password");
    public static final Setting<Integer> DATABASE_POOL_SIZE = Setting.of("database.pool.size", "8", atLeast(1),
            "connections in the database pool");
    public static final Setting<Duration> DATABASE_CONNECTION_TIMEOUT_MS = Setting.of(
            "database.connection.timeout.ms", Long.toString(DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT.toMillis()),
            duration(ChronoUnit.MILLIS, (int) DatabaseConfig.MIN_CONNECTION_TIMEOUT.toMillis()),
            "longest a caller waits for a database connection, in ms; while the database is down, requests get a 503"
                    + " after this (and at once while it is known to be down)");
    public static final Setting<Duration> JOB_LEASE_SECONDS = Setting.of("job.lease.seconds",
            Long.toString(JobScheduler.DEFAULT_LEASE.toSeconds()), duration(ChronoUnit.SECONDS, 1),
            "a background job's lease in the database lasts this long unless its node extends it (every third of it):"
                    + " another node takes over a dead node's job after at most this; every node must use the same");
    public static final Setting<Optional<Path>> UPGRADE_BACKUP_DIR = Setting.computed("upgrade.backup.dir",
            "`<data.dir>/backups`", values -> Optional.of(values.get(DATA_DIR).resolve("backups")),
            text -> NONE.equals(text.trim()) ? Optional.empty() : Optional.of(Path.of(text.trim())),
            "where a backup is written before a new version migrates the database forward; none for no backup");
    public static final Setting<String> HTTP_HOST = Setting.of("http.host", "0.0.0.0", Config::text,
            "address the web server listens on").withFlag("serve --host");
    public static final Setting<Integer> HTTP_PORT = Setting.of("http.port", "8080", between(0, 65_535),
            "port the web server listens on (0 picks a free one)").withFlag("serve --port");
    public static final Setting<TrustedProxies> HTTP_TRUSTED_PROXIES = Setting.of("http.trusted.proxies", "",
            TrustedProxies::parse, "reverse proxies (IP addresses or CIDR ranges, comma-separated) whose"
                    + " X-Forwarded-For and X-Forwarded-Proto are believed; empty: none is");
    public static final Setting<Integer> HTTP_MAX_CONCURRENT_REQUESTS = Setting.of("http.max.concurrent.requests",
            Integer.toString(ServerLimits.DEFAULTS.concurrentRequests()), atLeast(1),
            "requests handled at once; more wait in a queue for their turn");
    public static final Setting<Integer> HTTP_MAX_QUEUED_REQUESTS = Setting.of("http.max.queued.requests",
            Integer.toString(ServerLimits.DEFAULTS.queuedRequests()), atLeast(0),
            "requests that may wait for a turn; one more is answered 503 with Retry-After at once");
    public static final Setting<Duration> HTTP_QUEUE_TIMEOUT_MS = Setting.of("http.queue.timeout.ms",
            Long.toString(ServerLimits.DEFAULTS.queueTimeout().toMillis()), duration(ChronoUnit.MILLIS, 1),
            "longest a request waits for its turn, in ms, before a 503 with Retry-After");
    public static final Setting<Duration> HTTP_IDLE_TIMEOUT_SECONDS = Setting.of("http.idle.timeout.seconds",
            Long.toString(ServerLimits.DEFAULTS.idleTimeout().toSeconds()), duration(ChronoUnit.SECONDS, 1),
            "a connection that sends or reads nothing for this long is closed");
    public static final Setting<Integer> HTTP_CACHE_MB = Setting.of("http.cache.mb", "64", atLeast(0),
            "memory in MB for rendered answers to anonymous visitors (pages, API, feeds), served again until a write"
                    + " changes the data behind them; 0 turns the cache off");
    public static final Setting<Optional<AdminToken>> ADMIN_TOKEN = Setting.optional("admin.token",
            text -> new AdminToken(nonBlank(text).strip()),
            "operator token for the admin pages and APIs (without one they answer only on loopback); a long random "
                    + "secret, e.g. from openssl rand -hex 32");
    public static final Setting<SearchEngine> SEARCH_ENGINE = Setting.of("search.engine", SearchEngine.LUCENE.key(),
            Config::searchEngine,
            "search engine: lucene, in-process with its index under the data directory, or solr, a SolrCloud cluster"
                    + " every node shares (search.solr.*; see docs/scale.md)");
    public static final Setting<List<URI>> SEARCH_SOLR_URLS = Setting.computed("search.solr.urls", "none",
            values -> List.of(), Config::solrUrls, "with search.engine=solr: base URLs of Solr nodes, comma-separated"
                    + " (http://host:8983/solr); ZooKeeper hosts are not supported");
    public static final Setting<String> SEARCH_SOLR_COLLECTION = Setting.of("search.solr.collection",
            SolrSettings.DEFAULT_COLLECTION, Config::solrCollection, "with search.engine=solr: the alias searches go"
                    + " through; each index generation is a collection named after it");
    public static final Setting<Integer> SEARCH_SOLR_SHARDS = Setting.of("search.solr.shards",
            String.valueOf(SolrSettings.DEFAULT_SHARDS), atLeast(1),
            "with search.engine=solr: shards of each collection the app creates");
    public static final Setting<Integer> SEARCH_SOLR_REPLICAS = Setting.of("search.solr.replicas",
            String.valueOf(SolrSettings.DEFAULT_REPLICAS), atLeast(1),
            "with search.engine=solr: copies of each shard (2 keeps every shard searchable while a node is down)");
    public static final Setting<Optional<EncoderModel>> SEARCH_MODEL = Setting.of("search.model",
            Encoders.DEFAULT_MODEL.id(), Config::searchModel, "sentence-embedding model for semantic search and "
                    + "similar papers: " + modelIds().collect(Collectors.joining(", ")) + ", or none for keyword "
                    + "search only");
    public static final Setting<Integer> SEARCH_EMBEDDING_THREADS = Setting.computed("search.embedding.threads",
            "number of cores", values -> Runtime.getRuntime().availableProcessors(), atLeast(1),
            "threads the server's background embedding runs on; lower it to keep a core for requests during a "
                    + "first backfill");
    public static final Setting<Integer> SEARCH_MODEL_TOKENS = Setting.of("search.model.tokens",
            String.valueOf(OnnxEncoder.DEFAULT_MAX_TOKENS), between(16, OnnxEncoder.MODEL_MAX_TOKENS),
            "texts are cut at this many tokens before embedding; changing it re-embeds every paper");
    public static final Setting<String> SEARCH_FUSION = Setting.of("search.fusion", "convex", oneOf("rrf", "convex"),
            "how hybrid search merges keyword and semantic results: rrf (reciprocal rank fusion) or convex (a "
                    + "weighted sum of normalised scores)");
    public static final Setting<Double> SEARCH_FUSION_KEYWORD_WEIGHT = Setting.computed("search.fusion.keyword.weight",
            "0.07 with convex, 0.5 with rrf", values -> "convex".equals(values.get(SEARCH_FUSION)) ? 0.07 : 0.5,
            Config::weight, "the keyword side's share in hybrid fusion, 0 to 1, the semantic side having the rest"
                    + " (convex: semantic scores spread far less than keyword ones, so a small share is already"
                    + " strong; rrf: 0.5 is the original, unweighted method)");
    public static final Setting<Integer> SEARCH_FUSION_RRF_K = Setting.of("search.fusion.rrf.k",
            String.valueOf(Fusion.ReciprocalRank.DEFAULT_K), atLeast(1), "the constant k of reciprocal rank fusion");
    public static final Setting<Integer> SEARCH_CANDIDATES = Setting.of("search.candidates",
            "200", between(10, 1_000),
            "results each side of a semantic or hybrid search brings before fusion (more when paging deeper)");
    public static final Setting<Boolean> HARVEST_ENABLED = Setting.of("harvest.enabled", "true", Config::bool,
            "whether serve harvests Hugging Face and arXiv on a schedule");
    public static final Setting<Duration> HARVEST_FIRST_RUN_DELAY_SECONDS = Setting.of(
            "harvest.first.run.delay.seconds", "10", duration(ChronoUnit.SECONDS, 0),
            "how long after serve starts the first scheduled harvests begin");
    public static final Setting<Integer> HARVEST_START_DAYS = Setting.of("harvest.start.days", "7", atLeast(1),
            "how far back a source without a checkpoint starts, in days");
    public static final Setting<URI> HARVEST_ARXIV_OAI_URL = Setting.of("harvest.arxiv.oai.url",
            "https://export.arxiv.org/oai2", Config::httpUrl, "arXiv's OAI-PMH endpoint");
    public static final Setting<URI> HARVEST_ARXIV_API_URL = Setting.of("harvest.arxiv.api.url",
            "https://export.arxiv.org/api/query", Config::httpUrl, "arXiv's search API, for looking up single papers");
    public static final Setting<List<String>> HARVEST_ARXIV_SETS = Setting.of("harvest.arxiv.sets", "cs,stat.ML",
            Config::arxivSets, "arXiv sets or categories to harvest, comma-separated (such as cs, stat.ML or "
                    + "physics:hep-th)").withFlag("ingest arxiv --set");
    public static final Setting<String> HARVEST_ARXIV_METADATA_PREFIX = Setting.of("harvest.arxiv.metadata.prefix",
            "arXivRaw", oneOf("arXivRaw", "arXiv"), "OAI-PMH metadata format: arXivRaw (with versions) or arXiv");
    public static final Setting<Duration> HARVEST_ARXIV_INTERVAL_MINUTES = Setting.of(
            "harvest.arxiv.interval.minutes", "360", duration(ChronoUnit.MINUTES, 1), "minutes between arXiv runs");
    public static final Setting<Duration> HARVEST_ARXIV_DELAY_MS = Setting.of("harvest.arxiv.delay.ms", "3000",
            duration(ChronoUnit.MILLIS, 0), "least time between two requests to arXiv, in ms (arXiv asks for 3 s)");
    public static final Setting<URI> HARVEST_HF_URL = Setting.of("harvest.hf.url", "https://huggingface.co",
            Config::httpUrl, "Hugging Face, for its Daily Papers API");
    public static final Setting<Duration> HARVEST_HF_INTERVAL_MINUTES = Setting.of("harvest.hf.interval.minutes",
            "60", duration(ChronoUnit.MINUTES, 1), "minutes between Hugging Face runs");
    public static final Setting<Duration> HARVEST_HF_DELAY_MS = Setting.of("harvest.hf.delay.ms", "1000",
            duration(ChronoUnit.MILLIS, 0), "least time between two requests to Hugging Face, in ms");
    public static final Setting<Integer> HARVEST_HF_LOOKBACK_DAYS = Setting.of("harvest.hf.lookback.days", "3",
            atLeast(1), "recent Hugging Face days fetched again on every run, as their upvotes grow");
    public static final Setting<Duration> HARVEST_CONNECT_TIMEOUT_SECONDS = Setting.of(
            "harvest.http.connect.timeout.seconds", "10", duration(ChronoUnit.SECONDS, 1),
            "harvesters' connect timeout, in seconds");
    public static final Setting<Duration> HARVEST_READ_TIMEOUT_SECONDS = Setting.of(
            "harvest.http.read.timeout.seconds", "60", duration(ChronoUnit.SECONDS, 1),
            "harvesters' read timeout, in seconds");
    public static final Setting<Integer> HARVEST_RETRY_ATTEMPTS = Setting.of("harvest.retry.attempts", "4",
            atLeast(1), "tries per upstream request on network errors, timeouts, 5xx and malformed answers");
    public static final Setting<Duration> HARVEST_RETRY_BACKOFF_MS = Setting.of("harvest.retry.backoff.ms", "2000",
            duration(ChronoUnit.MILLIS, 0), "wait before the second try, in ms; it doubles per try, with jitter, up to "
                    + HarvestSettings.MAX_BACKOFF.toMinutes() + " minutes");
    public static final Setting<Integer> HARVEST_CIRCUIT_FAILURES = Setting.of("harvest.circuit.failures", "5",
            atLeast(1), "failed tries in a row that open a source's circuit, holding its requests back");
    public static final Setting<Duration> HARVEST_CIRCUIT_OPEN_MINUTES = Setting.of("harvest.circuit.open.minutes",
            "30", duration(ChronoUnit.MINUTES, 1),
            "how long an open circuit holds requests back before one trial request, in minutes");

    public static final Setting<Boolean> THUMBNAIL_ENABLED = Setting.of("thumbnail.enabled", "true", Config::bool,
            "whether serve renders page one of featured papers' PDFs as thumbnails, on a schedule");
    public static final Setting<Duration> THUMBNAIL_INTERVAL_MINUTES = Setting.of("thumbnail.interval.minutes", "5",
            duration(ChronoUnit.MINUTES, 1), "minutes between thumbnail runs");
    public static final Setting<Integer> THUMBNAIL_BATCH_SIZE = Setting.of("thumbnail.batch.size", "20", atLeast(1),
            "papers a thumbnail run tries at most, most recently featured first");
    public static final Setting<URI> THUMBNAIL_PDF_URL = Setting.of("thumbnail.pdf.url", "https://arxiv.org/pdf/",
            Config::httpUrl, "where PDFs are fetched for thumbnails, the paper's id appended; asked as politely as "
                    + "arXiv's harvest (harvest.arxiv.delay.ms, retries and timeouts)");
    public static final Setting<Integer> THUMBNAIL_PDF_MAX_MB = Setting.of("thumbnail.pdf.max.mb", "30", atLeast(1),
            "larger PDFs are not downloaded, in MiB");
    public static final Setting<Duration> THUMBNAIL_RENDER_TIMEOUT_SECONDS = Setting.of(
            "thumbnail.render.timeout.seconds", "20", duration(ChronoUnit.SECONDS, 1),
            "rendering a page one that takes longer is abandoned and retried later, in seconds");

    public static final Setting<Optional<String>> MAIL_SMTP_HOST = Setting.optional("mail.smtp.host", Config::text,
            "SMTP server that sends mail; without one, each message is written as an .eml file in the outbox "
                    + "directory under data.dir");
    public static final Setting<Integer> MAIL_SMTP_PORT = Setting.of("mail.smtp.port", "587", between(1, 65_535),
            "SMTP port (587 for starttls, 465 for smtps, 25 for none)");
    public static final Setting<MailSettings.Security> MAIL_SMTP_SECURITY = Setting.of("mail.smtp.security",
            "starttls", Config::mailSecurity, "none, starttls (required, not opportunistic) or smtps (TLS from the "
                    + "first byte)");
    public static final Setting<Optional<String>> MAIL_SMTP_USER = Setting.optional("mail.smtp.user", Config::text,
            "SMTP user; without one, no authentication");
    public static final Setting<Optional<String>> MAIL_SMTP_PASSWORD = Setting.optional("mail.smtp.password",
            Config::text, "SMTP password (never logged)");
    public static final Setting<Duration> MAIL_SMTP_TIMEOUT_SECONDS = Setting.of("mail.smtp.timeout.seconds", "30",
            duration(ChronoUnit.SECONDS, 1), "SMTP connect, read and write timeout, in seconds");
    public static final Setting<String> MAIL_FROM = Setting.of("mail.from", "Daily Papers <mail@localhost>",
            Config::mailFrom, "the From of every message: one address, with an optional display name");
    public static final Setting<Integer> MAIL_RATE_DOMAIN_PER_MINUTE = Setting.of("mail.rate.domain.per.minute",
            Integer.toString(MailSettings.DEFAULT_PER_DOMAIN_PER_MINUTE), atLeast(1),
            "at most this many messages a minute to one recipient domain; the rest wait for the next minute");

    public static final Setting<Duration> ACCOUNT_SESSION_DAYS = Setting.of("account.session.days", "30",
            duration(ChronoUnit.DAYS, 1), "a member's session ends this many days after sign-in");
    public static final Setting<Duration> ACCOUNT_SESSION_TOUCH_MINUTES = Setting.of(
            "account.session.touch.minutes", "5", duration(ChronoUnit.MINUTES, 0),
            "a session's last-seen time is written at most once per this many minutes");
    public static final Setting<URI> HTTP_BASE_URL = Setting.computed("http.base.url", "`http://localhost:<http.port>`",
            values -> URI.create("http://localhost:" + values.get(HTTP_PORT)), Config::httpUrl,
            "where members reach the site; emailed links start with it (set it to the public https address)");
    public static final Setting<Duration> ACCOUNT_LINK_VERIFY_HOURS = Setting.of("account.link.verify.hours", "24",
            duration(ChronoUnit.HOURS, 1), "hours a link that confirms an address (sign-up, new email) works");
    public static final Setting<Duration> ACCOUNT_LINK_RESET_MINUTES = Setting.of("account.link.reset.minutes",
            "60", duration(ChronoUnit.MINUTES, 1), "minutes a password-reset link works");
    public static final Setting<Duration> ACCOUNT_LINK_SIGNIN_MINUTES = Setting.of("account.link.signin.minutes",
            "60", duration(ChronoUnit.MINUTES, 1), "minutes an emailed sign-in link works");
    public static final Setting<Duration> ACCOUNT_LIMIT_WINDOW_MINUTES = Setting.of("account.limit.window.minutes",
            "60", duration(ChronoUnit.MINUTES, 1), "the window the account.limit.* counts are kept over");
    public static final Setting<Integer> ACCOUNT_LIMIT_SIGNIN_IP = Setting.of("account.limit.signin.ip", "30",
            atLeast(1), "password sign-ins per window from one client address");
    public static final Setting<Integer> ACCOUNT_LIMIT_SIGNIN_EMAIL = Setting.of("account.limit.signin.email", "10",
            atLeast(1), "password sign-ins per window naming one email");
    public static final Setting<Integer> ACCOUNT_LIMIT_SIGNUP_IP = Setting.of("account.limit.signup.ip", "10",
            atLeast(1), "sign-ups per window from one client address");
    public static final Setting<Integer> ACCOUNT_LIMIT_MAIL_IP = Setting.of("account.limit.mail.ip", "10",
            atLeast(1), "password-reset and sign-in-link requests per window from one client address");
    public static final Setting<Integer> ACCOUNT_LIMIT_MAIL_EMAIL = Setting.of("account.limit.mail.email", "5",
            atLeast(1), "password-reset and sign-in-link requests per window naming one email");

    public static final Setting<Integer> SUBMISSION_MAX_AGE_DAYS = Setting.of("submission.max.age.days", "7",
            atLeast(0), "members submit papers published at most this many days ago (moderators any)");
    public static final Setting<Integer> SUBMISSION_DAILY_CAP = Setting.of("submission.daily.cap", "3", atLeast(1),
            "the most papers one member submits per day (UTC)");
    public static final Setting<Boolean> SUBMISSION_REQUIRE_CLAIM = Setting.of("submission.require.claim", "false",
            Config::bool, "whether only members confirmed as an author of some paper may submit");

    public static final Setting<Boolean> DIGEST_ENABLED = Setting.of("digest.enabled", "true", Config::bool,
            "whether serve composes and sends email digests on its own schedule");
    public static final Setting<Integer> DIGEST_HOUR = Setting.of("digest.hour", "7", between(0, 23),
            "the hour (0-23) in each subscriber's time zone at which their digest is due");
    public static final Setting<Duration> DIGEST_LINK_CONFIRM_HOURS = Setting.of("digest.link.confirm.hours", "48",
            duration(ChronoUnit.HOURS, 1), "hours the link that confirms a subscription works");
    public static final Setting<Duration> DIGEST_LINK_PREFERENCES_DAYS = Setting.of("digest.link.preferences.days",
            "90", duration(ChronoUnit.DAYS, 1), "days the preferences and unsubscribe links in a digest work");
    public static final Setting<Integer> DIGEST_LOOKBACK_DAYS = Setting.of("digest.lookback.days", "7",
            between(1, 60), "a subscriber's first digest covers this many days");
    public static final Setting<Integer> DIGEST_SECTION_SIZE = Setting.of("digest.section.size", "10",
            between(1, 100), "the most papers in one section of a digest");
    public static final Setting<Integer> DIGEST_LIMIT_SUBSCRIBE_IP = Setting.of("digest.limit.subscribe.ip", "20",
            atLeast(1), "subscribe requests per hour from one client address");
    public static final Setting<Integer> DIGEST_LIMIT_SUBSCRIBE_EMAIL = Setting.of("digest.limit.subscribe.email",
            "3", atLeast(1), "subscribe requests per hour naming one email");

    public static final Setting<Integer> COMMENT_RATE_MEMBER = Setting.of("comment.rate.member", "10", atLeast(1),
            "comments and replies one member may post per comment.rate.window.minutes");
    public static final Setting<Integer> COMMENT_RATE_ADDRESS = Setting.of("comment.rate.address", "30", atLeast(1),
            "comments and replies one client address may post per comment.rate.window.minutes");
    public static final Setting<Duration> COMMENT_RATE_WINDOW_MINUTES = Setting.of("comment.rate.window.minutes",
            "10", duration(ChronoUnit.MINUTES, 1), "the window of the comment rate limits, in minutes");

    public static final Setting<LogFormat> LOG_FORMAT = Setting.of("log.format", LogFormat.TEXT.key(),
            Config::logFormat, "text, or json for one JSON object per log line; set it in the environment (or as the"
                    + " JVM's -Ddailypapers.log.format) to have the first lines as JSON too");

    /** Every setting, in the README's order. */
    public static final List<Setting<?>> SETTINGS = List.of(DATA_DIR, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
            DATABASE_POOL_SIZE, DATABASE_CONNECTION_TIMEOUT_MS, JOB_LEASE_SECONDS, UPGRADE_BACKUP_DIR, HTTP_HOST, HTTP_PORT, HTTP_TRUSTED_PROXIES, HTTP_CACHE_MB,
            HTTP_MAX_CONCURRENT_REQUESTS,
            HTTP_MAX_QUEUED_REQUESTS, HTTP_QUEUE_TIMEOUT_MS, HTTP_IDLE_TIMEOUT_SECONDS, ADMIN_TOKEN, SEARCH_ENGINE,
            SEARCH_SOLR_URLS, SEARCH_SOLR_COLLECTION, SEARCH_SOLR_SHARDS, SEARCH_SOLR_REPLICAS, SEARCH_MODEL, SEARCH_MODEL_TOKENS, SEARCH_EMBEDDING_THREADS, SEARCH_FUSION, SEARCH_FUSION_KEYWORD_WEIGHT,
            SEARCH_FUSION_RRF_K, SEARCH_CANDIDATES, HARVEST_ENABLED, HARVEST_FIRST_RUN_DELAY_SECONDS,
            HARVEST_START_DAYS, HARVEST_ARXIV_OAI_URL, HARVEST_ARXIV_API_URL, HARVEST_ARXIV_SETS,
            HARVEST_ARXIV_METADATA_PREFIX,
            HARVEST_ARXIV_INTERVAL_MINUTES, HARVEST_ARXIV_DELAY_MS, HARVEST_HF_URL, HARVEST_HF_INTERVAL_MINUTES,
            HARVEST_HF_DELAY_MS, HARVEST_HF_LOOKBACK_DAYS, HARVEST_CONNECT_TIMEOUT_SECONDS,
            HARVEST_READ_TIMEOUT_SECONDS, HARVEST_RETRY_ATTEMPTS, HARVEST_RETRY_BACKOFF_MS, HARVEST_CIRCUIT_FAILURES,
            HARVEST_CIRCUIT_OPEN_MINUTES, THUMBNAIL_ENABLED, THUMBNAIL_INTERVAL_MINUTES, THUMBNAIL_BATCH_SIZE,
            THUMBNAIL_PDF_URL, THUMBNAIL_PDF_MAX_MB, THUMBNAIL_RENDER_TIMEOUT_SECONDS, MAIL_SMTP_HOST, MAIL_SMTP_PORT,
            MAIL_SMTP_SECURITY, MAIL_SMTP_USER, MAIL_SMTP_PASSWORD, MAIL_SMTP_TIMEOUT_SECONDS, MAIL_FROM,
            MAIL_RATE_DOMAIN_PER_MINUTE,
            ACCOUNT_SESSION_DAYS, ACCOUNT_SESSION_TOUCH_MINUTES, HTTP_BASE_URL, ACCOUNT_LINK_VERIFY_HOURS,
            ACCOUNT_LINK_RESET_MINUTES, ACCOUNT_LINK_SIGNIN_MINUTES, ACCOUNT_LIMIT_WINDOW_MINUTES,
            ACCOUNT_LIMIT_SIGNIN_IP, ACCOUNT_LIMIT_SIGNIN_EMAIL, ACCOUNT_LIMIT_SIGNUP_IP, ACCOUNT_LIMIT_MAIL_IP,
            ACCOUNT_LIMIT_MAIL_EMAIL, SUBMISSION_MAX_AGE_DAYS, SUBMISSION_DAILY_CAP, SUBMISSION_REQUIRE_CLAIM,
            COMMENT_RATE_MEMBER, COMMENT_RATE_ADDRESS, COMMENT_RATE_WINDOW_MINUTES, DIGEST_ENABLED, DIGEST_HOUR,
            DIGEST_LINK_CONFIRM_HOURS, DIGEST_LINK_PREFERENCES_DAYS, DIGEST_LOOKBACK_DAYS, DIGEST_SECTION_SIZE,
            DIGEST_LIMIT_SUBSCRIBE_IP, DIGEST_LIMIT_SUBSCRIBE_EMAIL, LOG_FORMAT);

    /** Settings without harvesting, thumbnails or an embedding model, for tools and tests that serve pages only. */
    public Config(Path dataDir, DatabaseConfig database, String httpHost, int httpPort) {
        this(dataDir, database, httpHost, httpPort, harvestSettings(Setting.Values.DEFAULTS).withEnabled(false),
                searchSettings(Setting.Values.DEFAULTS).withoutModel(), Optional.empty(),
                TrustedProxies.none(), thumbnailSettings(Setting.Values.DEFAULTS).withEnabled(false),
                mailSettings(Setting.Values.DEFAULTS, dataDir), accountSettings(Setting.Values.DEFAULTS),
                submissionSettings(Setting.Values.DEFAULTS),
                commentSettings(Setting.Values.DEFAULTS), digestSettings(Setting.Values.DEFAULTS).withEnabled(false),
                ServerLimits.DEFAULTS, megabytes(Setting.Values.DEFAULTS.get(HTTP_CACHE_MB)), Optional.empty(),
                Setting.Values.DEFAULTS.get(LOG_FORMAT), JobScheduler.DEFAULT_LEASE);
    }

    /** Reads the settings; a bad value throws {@link UserFacingException} naming the key. */
    public static Config load(Path file, Map<String, String> environment, Map<String, String> flags) {
        Setting.Values values = new Setting.Values(file == null ? Map.of() : readFile(file), environment, flags);
        DatabaseConfig database;
        try {
            database = new DatabaseConfig(values.get(DATABASE_URL), values.get(DATABASE_USER).orElse(null),
                    values.get(DATABASE_PASSWORD).orElse(null), values.get(DATABASE_POOL_SIZE),
                    values.get(DATABASE_CONNECTION_TIMEOUT_MS));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return new Config(values.get(DATA_DIR), database, values.get(HTTP_HOST), values.get(HTTP_PORT),
                harvestSettings(values), searchSettings(values), values.get(ADMIN_TOKEN),
                values.get(HTTP_TRUSTED_PROXIES), thumbnailSettings(values), mailSettings(values, values.get(DATA_DIR)),
                accountSettings(values), submissionSettings(values), commentSettings(values), digestSettings(values),
                serverLimits(values), megabytes(values.get(HTTP_CACHE_MB)), values.get(UPGRADE_BACKUP_DIR),
                values.get(LOG_FORMAT), values.get(JOB_LEASE_SECONDS));
    }

    private static ServerLimits serverLimits(Setting.Values values) {
        return new ServerLimits(values.get(HTTP_MAX_CONCURRENT_REQUESTS), values.get(HTTP_MAX_QUEUED_REQUESTS),
                values.get(HTTP_QUEUE_TIMEOUT_MS), values.get(HTTP_IDLE_TIMEOUT_SECONDS));
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UserFacingException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Set<String> known = SETTINGS.stream().map(Setting::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new UserFacingException("unknown keys in config file " + file + ": " + unknown + " (known: "
                    + known + ")");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static SearchSettings searchSettings(Setting.Values values) {
        double keywordWeight = values.get(SEARCH_FUSION_KEYWORD_WEIGHT);
        Fusion fusion = switch (values.get(SEARCH_FUSION)) {
            case "convex" -> new Fusion.Convex(keywordWeight);
            default -> new Fusion.ReciprocalRank(values.get(SEARCH_FUSION_RRF_K), keywordWeight);
        };
        SearchEngine engine = values.get(SEARCH_ENGINE);
        SolrSettings solr = new SolrSettings(values.get(SEARCH_SOLR_URLS), values.get(SEARCH_SOLR_COLLECTION),
                values.get(SEARCH_SOLR_SHARDS), values.get(SEARCH_SOLR_REPLICAS));
        if (engine == SearchEngine.SOLR && solr.urls().isEmpty()) {
            throw new UserFacingException("search.engine=solr needs search.solr.urls, the base URLs of Solr nodes"
                    + " such as http://127.0.0.1:8983/solr");
        }
        return new SearchSettings(engine, values.get(SEARCH_MODEL),
                values.get(SEARCH_MODEL_TOKENS), values.get(SEARCH_EMBEDDING_THREADS),
                new Ranker.Tuning(fusion, values.get(SEARCH_CANDIDATES)), solr);
    }

    private static double weight(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number between 0 and 1, got '" + text + "'");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("must be between 0 and 1, got " + text);
        }
        return value;
    }

    private static HarvestSettings harvestSettings(Setting.Values values) {
        return new HarvestSettings(values.get(HARVEST_ENABLED), values.get(HARVEST_FIRST_RUN_DELAY_SECONDS),
                values.get(HARVEST_START_DAYS), values.get(HARVEST_ARXIV_OAI_URL), values.get(HARVEST_ARXIV_API_URL),
                values.get(HARVEST_ARXIV_SETS), values.get(HARVEST_ARXIV_METADATA_PREFIX),
                values.get(HARVEST_ARXIV_INTERVAL_MINUTES), values.get(HARVEST_ARXIV_DELAY_MS),
                values.get(HARVEST_HF_URL), values.get(HARVEST_HF_INTERVAL_MINUTES), values.get(HARVEST_HF_DELAY_MS),
                values.get(HARVEST_HF_LOOKBACK_DAYS), values.get(HARVEST_CONNECT_TIMEOUT_SECONDS),
                values.get(HARVEST_READ_TIMEOUT_SECONDS), values.get(HARVEST_RETRY_ATTEMPTS),
                values.get(HARVEST_RETRY_BACKOFF_MS), values.get(HARVEST_CIRCUIT_FAILURES),
                values.get(HARVEST_CIRCUIT_OPEN_MINUTES));
    }

    private static ThumbnailSettings thumbnailSettings(Setting.Values values) {
        return new ThumbnailSettings(values.get(THUMBNAIL_ENABLED), values.get(THUMBNAIL_INTERVAL_MINUTES),
                values.get(THUMBNAIL_BATCH_SIZE), values.get(THUMBNAIL_PDF_URL),
                values.get(THUMBNAIL_PDF_MAX_MB) * 1024L * 1024L, values.get(THUMBNAIL_RENDER_TIMEOUT_SECONDS),
                harvestSettings(values).arxivPolicy());
    }

    private static MailSettings mailSettings(Setting.Values values, Path dataDir) {
        return new MailSettings(values.get(MAIL_SMTP_HOST), values.get(MAIL_SMTP_PORT), values.get(MAIL_SMTP_SECURITY),
                values.get(MAIL_SMTP_USER), values.get(MAIL_SMTP_PASSWORD), values.get(MAIL_FROM),
                values.get(MAIL_SMTP_TIMEOUT_SECONDS), dataDir.resolve("outbox"),
                values.get(MAIL_RATE_DOMAIN_PER_MINUTE));
    }

    private static LogFormat logFormat(String text) {
        return LogFormat.parse(text).orElseThrow(() -> new IllegalArgumentException("must be one of text, json, got '"
                + text + "'"));
    }

    private static MailSettings.Security mailSecurity(String text) {
        return MailSettings.Security.valueOf(oneOf("none", "starttls", "smtps").apply(text).toUpperCase(Locale.ROOT));
    }

    private static String mailFrom(String text) {
        MailSettings.fromAddress(text);
        return text;
    }

    private static AccountSettings accountSettings(Setting.Values values) {
        Duration verify = values.get(ACCOUNT_LINK_VERIFY_HOURS);
        return new AccountSettings(values.get(ACCOUNT_SESSION_DAYS), values.get(ACCOUNT_SESSION_TOUCH_MINUTES),
                values.get(HTTP_BASE_URL), Map.of(LinkPurpose.VERIFY_EMAIL, verify, LinkPurpose.CHANGE_EMAIL, verify,
                        LinkPurpose.RESET_PASSWORD, values.get(ACCOUNT_LINK_RESET_MINUTES),
                        LinkPurpose.SIGN_IN, values.get(ACCOUNT_LINK_SIGNIN_MINUTES)),
                new AccountSettings.Limits(values.get(ACCOUNT_LIMIT_SIGNIN_IP), values.get(ACCOUNT_LIMIT_SIGNIN_EMAIL),
                        values.get(ACCOUNT_LIMIT_SIGNUP_IP), values.get(ACCOUNT_LIMIT_MAIL_IP),
                        values.get(ACCOUNT_LIMIT_MAIL_EMAIL), values.get(ACCOUNT_LIMIT_WINDOW_MINUTES)));
    }

    private static SubmissionSettings submissionSettings(Setting.Values values) {
        return new SubmissionSettings(values.get(SUBMISSION_MAX_AGE_DAYS), values.get(SUBMISSION_DAILY_CAP),
                values.get(SUBMISSION_REQUIRE_CLAIM));
    }

    private static CommentSettings commentSettings(Setting.Values values) {
        return new CommentSettings(values.get(COMMENT_RATE_MEMBER), values.get(COMMENT_RATE_ADDRESS),
                values.get(COMMENT_RATE_WINDOW_MINUTES));
    }

    private static DigestSettings digestSettings(Setting.Values values) {
        return new DigestSettings(values.get(DIGEST_ENABLED), new Schedule(values.get(DIGEST_HOUR)),
                values.get(DIGEST_LINK_CONFIRM_HOURS), values.get(DIGEST_LINK_PREFERENCES_DAYS),
                values.get(DIGEST_LOOKBACK_DAYS), values.get(DIGEST_SECTION_SIZE),
                new DigestSettings.Limits(values.get(DIGEST_LIMIT_SUBSCRIBE_IP),
                        values.get(DIGEST_LIMIT_SUBSCRIBE_EMAIL), Duration.ofHours(1)));
    }

    private static long megabytes(int megabytes) {
        return megabytes * 1024L * 1024L;
    }

    private static String text(String text) {
        return text;
    }

    private static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return text;
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
        };
    }

    private static Function<String, Integer> atLeast(int min) {
        return between(min, Integer.MAX_VALUE);
    }

    private static Function<String, Integer> between(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, got '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(rangeRule(min, max) + ", got " + value);
            }
            return value;
        };
    }

    private static String rangeRule(int min, int max) {
        if (max < Integer.MAX_VALUE) {
            return "must be between " + min + " and " + max;
        }
        return min == 0 ? "must not be negative" : "must be at least " + min;
    }

    private static Function<String, Duration> duration(ChronoUnit unit, int min) {
        return atLeast(min).andThen(amount -> Duration.of(amount, unit));
    }

    private static Function<String, String> oneOf(String... allowed) {
        return text -> {
            if (!Arrays.asList(allowed).contains(text)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", got '" + text
                        + "'");
            }
            return text;
        };
    }

    private static URI httpUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below like any other URL that is not http(s)
        }
        throw new IllegalArgumentException("must be an http(s) URL, got '" + text + "'");
    }

    /** Solr base URLs; a ZooKeeper address (host:2181, no scheme) is named as such, since it is not supported. */
    private static List<URI> solrUrls(String text) {
        List<String> urls = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("must name at least one Solr base URL, such as"
                    + " http://127.0.0.1:8983/solr");
        }
        return urls.stream().map(url -> {
            if (!url.contains("://")) {
                throw new IllegalArgumentException("must be Solr base URLs such as http://127.0.0.1:8983/solr, got '"
                        + url + "' (ZooKeeper hosts are not supported)");
            }
            return httpUrl(url);
        }).toList();
    }

    /** Solr's rule for collection and alias names. */
    private static String solrCollection(String text) {
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("must be a Solr collection name (letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit), got '" + text + "'");
        }
        return text;
    }

    private static List<String> arxivSets(String text) {
        List<String> sets = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String set : sets) {
            try {
                ArxivSet.parse(set);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must name arXiv sets or categories such as cs, stat.ML or "
                        + "physics:hep-th, got '" + set + "'", e);
            }
        }
        return sets;
    }

    private static Stream<String> modelIds() {
        return Arrays.stream(EncoderModel.values()).map(EncoderModel::id);
    }

    private static SearchEngine searchEngine(String key) {
        return SearchEngine.parse(key).orElseThrow(() -> new IllegalArgumentException("must be one of "
                + String.join(", ", SearchEngine.keys()) + ", got '" + key + "'"));
    }

    private static Optional<EncoderModel> searchModel(String id) {
        if (id.equals(NONE)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(EncoderModel.values()).filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Stream.concat(modelIds(), Stream.of(NONE)).collect(Collectors.joining(", "))
                        + ", got '" + id + "'")));
    }

    public Config withHttpPort(int port) {
        return new Config(dataDir, database, httpHost, port, harvest, search,
                adminToken, trustedProxies, thumbnails, mail, accounts, submissions, comments, digests,
                serverLimits, httpCacheBytes, upgradeBackupDir, logFormat, jobLease);
    }

    public Config withAdminToken(AdminToken token) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search,
                Optional.of(token), trustedProxies, thumbnails, mail, accounts, submissions, comments, digests,
                serverLimits, httpCacheBytes, upgradeBackupDir, logFormat, jobLease);
    }

    public Config withTrustedProxies(TrustedProxies proxies) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search,
                adminToken, proxies, thumbnails, mail, accounts, submissions, comments, digests,
                serverLimits, httpCacheBytes, upgradeBackupDir, logFormat, jobLease);
    }

    public Config withHarvest(HarvestSettings settings) {
        return new Config(dataDir, database, httpHost, httpPort, settings, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, comments, digests,
                serverLimits, httpCacheBytes, upgradeBackupDir, logFormat, jobLease);
    }

    public Config withThumbnails(ThumbnailSettings settings) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies, settings,
                mail, accounts, submissions, comments, digests,
                serverLimits, httpCacheBytes, upgradeBackupDir, logFormat, jobLease);
    }

    public Config withComments(CommentSettings settings) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, settings, digests, serverLimits, httpCacheBytes,
                upgradeBackupDir, logFormat, jobLease);
    }

    public Config withSubmissions(SubmissionSettings settings) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, settings, comments, digests, serverLimits, httpCacheBytes,
                upgradeBackupDir, logFormat, jobLease);
    }

    public Config withDigests(DigestSettings settings) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, comments, settings, serverLimits, httpCacheBytes,
                upgradeBackupDir, logFormat, jobLease);
    }

    public Config withServerLimits(ServerLimits limits) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, comments, digests, limits, httpCacheBytes,
                upgradeBackupDir, logFormat, jobLease);
    }

    public Config withHttpCacheBytes(long bytes) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, comments, digests, serverLimits, bytes,
                upgradeBackupDir, logFormat, jobLease);
    }

    public Config withUpgradeBackupDir(Optional<Path> directory) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, comments, digests, serverLimits, httpCacheBytes, directory,
                logFormat, jobLease);
    }

    public Config withJobLease(Duration lease) {
        return new Config(dataDir, database, httpHost, httpPort, harvest, search, adminToken, trustedProxies,
                thumbnails, mail, accounts, submissions, comments, digests, serverLimits, httpCacheBytes,
                upgradeBackupDir, logFormat, lease);
    }
}
