package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.account.AccountSettings;
import dailypapers.account.LinkPurpose;
import dailypapers.submission.SubmissionSettings;
import dailypapers.comment.CommentSettings;
import dailypapers.ingest.HarvestSettings;
import dailypapers.embedding.EncoderModel;
import dailypapers.mail.MailSettings;
import dailypapers.ops.LogFormat;
import dailypapers.embedding.OnnxEncoder;
import dailypapers.search.Fusion;
import dailypapers.search.Ranker;
import dailypapers.search.SearchEngine;
import dailypapers.search.SearchSettings;
import dailypapers.search.SolrSettings;
import dailypapers.thumbnail.ThumbnailSettings;
import dailypapers.web.ServerLimits;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    private static final String TABLE_BEGIN =
            "<!-- settings: generated from Config.SETTINGS, checked by ConfigTest -->";
    private static final String TABLE_END = "<!-- settings end -->";

    @Test
    void defaultsServeSqliteUnderDataOnPort8080() {
        Config config = Config.load(null, Map.of(), Map.of());
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:" + Path.of("data", "dailypapers.db"));
        assertThat(config.database().poolSize()).isEqualTo(8);
        assertThat(config.database().connectionTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.jobLease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.search().model()).contains(EncoderModel.BGE_SMALL_EN_V15_Q);
        assertThat(config.database().user()).isNull();
        assertThat(config.database().password()).isNull();
        assertThat(config.search().engine()).isEqualTo(SearchEngine.LUCENE);
        assertThat(config.adminToken()).isEmpty();
    }

    @Test
    void adminTokenComesFromTheEnvironmentAndIsNeverBlank(@TempDir Path dir) throws IOException {
        assertThat(Config.load(null, Map.of("DAILYPAPERS_ADMIN_TOKEN", "s3cret-0123456789"), Map.of()).adminToken())
                .hasValueSatisfying(t -> assertThat(t.matches("s3cret-0123456789")).isTrue());
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_ADMIN_TOKEN", "s3cret"), Map.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("admin.token must be at least 16");
        Path file = dir.resolve("blank.properties");
        Files.writeString(file, "admin.token=  \n");
        assertThatThrownBy(() -> Config.load(file, Map.of(), Map.of()))
                .isInstanceOf(UserFacingException.class).hasMessage("admin.token must not be blank");
    }

    @Test
    void theConnectionTimeoutAndTheJobLeaseComeFromTheEnvironmentAndAreChecked() {
        Config config = Config.load(null, Map.of("DAILYPAPERS_DATABASE_CONNECTION_TIMEOUT_MS", "500",
                "DAILYPAPERS_JOB_LEASE_SECONDS", "5"), Map.of());
        assertThat(config.database().connectionTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.jobLease()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.DATABASE_CONNECTION_TIMEOUT_MS.key(),
                "100"))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("database.connection.timeout.ms").hasMessageContaining("at least 250");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.JOB_LEASE_SECONDS.key(), "0")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("job.lease.seconds");
    }

    @Test
    void serverLimitsComeFromTheEnvironmentAndAreChecked() {
        assertThat(Config.load(null, Map.of(), Map.of()).serverLimits()).isEqualTo(ServerLimits.DEFAULTS);
        assertThat(Config.load(null, Map.of("DAILYPAPERS_HTTP_MAX_CONCURRENT_REQUESTS", "16",
                "DAILYPAPERS_HTTP_MAX_QUEUED_REQUESTS", "0", "DAILYPAPERS_HTTP_QUEUE_TIMEOUT_MS", "250",
                "DAILYPAPERS_HTTP_IDLE_TIMEOUT_SECONDS", "5"), Map.of()).serverLimits())
                .isEqualTo(new ServerLimits(16, 0, Duration.ofMillis(250), Duration.ofSeconds(5)));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HTTP_MAX_CONCURRENT_REQUESTS.key(), "0")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("http.max.concurrent.requests");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HTTP_QUEUE_TIMEOUT_MS.key(), "0")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("http.queue.timeout.ms");
    }

    @Test
    void searchEngineIsLuceneOrSolr() {
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SEARCH_ENGINE", "Lucene"), Map.of()).search().engine())
                .isEqualTo(SearchEngine.LUCENE);
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_ENGINE.key(), "elastic")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("search.engine must be one of lucene, solr, got 'elastic'");
    }

    @Test
    void solrDefaultsToTwoShardsOfTwoReplicasBehindTheDailypapersAlias() {
        SolrSettings solr = Config.load(null, Map.of(), Map.of()).search().solr();
        assertThat(solr).isEqualTo(new SolrSettings(List.of(), "dailypapers", 2, 2));
    }

    @Test
    void solrSettingsComeFromTheEnvironmentAndAreChecked() {
        SearchSettings search = Config.load(null, Map.of("DAILYPAPERS_SEARCH_ENGINE", "solr",
                "DAILYPAPERS_SEARCH_SOLR_URLS", " http://10.0.0.1:8983/solr, https://solr-2.example:8983/solr ",
                "DAILYPAPERS_SEARCH_SOLR_COLLECTION", "papers", "DAILYPAPERS_SEARCH_SOLR_SHARDS", "3",
                "DAILYPAPERS_SEARCH_SOLR_REPLICAS", "1"), Map.of()).search();
        assertThat(search.engine()).isEqualTo(SearchEngine.SOLR);
        assertThat(search.solr()).isEqualTo(new SolrSettings(List.of(URI.create("http://10.0.0.1:8983/solr"),
                URI.create("https://solr-2.example:8983/solr")), "papers", 3, 1));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_ENGINE.key(), "solr")))
                .isInstanceOf(UserFacingException.class).hasMessage("search.engine=solr needs search.solr.urls, the"
                        + " base URLs of Solr nodes such as http://127.0.0.1:8983/solr");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_ENGINE.key(), "solr",
                Config.SEARCH_SOLR_URLS.key(), "zk1:2181,zk2:2181/solr")))
                .isInstanceOf(UserFacingException.class).hasMessage("search.solr.urls must be Solr base URLs such as"
                        + " http://127.0.0.1:8983/solr, got 'zk1:2181' (ZooKeeper hosts are not supported)");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_SOLR_URLS.key(), "ftp://x/solr")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("search.solr.urls must be an http(s) URL, got 'ftp://x/solr'");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_SOLR_COLLECTION.key(), "my papers")))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("search.solr.collection must be a"
                        + " Solr collection name");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_SOLR_REPLICAS.key(), "0")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("search.solr.replicas");
    }

    @Test
    void searchModelCanBeSwitchedOrTurnedOff() {
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q"), Map.of())
                .search().model()).contains(EncoderModel.ALL_MINILM_L6_V2_Q);
        assertThat(Config.load(null, Map.of(), Map.of(Config.SEARCH_MODEL.key(), "none")).search().model()).isEmpty();
        assertThat(Config.load(null, Map.of(), Map.of()).search().embeddingThreads()).as("number of cores")
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SEARCH_EMBEDDING_THREADS", "1"), Map.of())
                .search().embeddingThreads()).isEqualTo(1);
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_EMBEDDING_THREADS.key(), "0")))
                .hasMessageContaining("search.embedding.threads");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_MODEL.key(), "gpt")))
                .hasMessage("search.model must be one of bge-small-en-v1.5-q, bge-small-en-v1.5, all-minilm-l6-v2-q,"
                        + " none, got 'gpt'");
    }

    @Test
    void adminTokenHasNoDefaultAndNeverPrints() {
        assertThat(Config.load(null, Map.of(), Map.of()).adminToken()).isEmpty();
        Config config = Config.load(null, Map.of("DAILYPAPERS_ADMIN_TOKEN", " s3cret-operator-token "), Map.of());
        assertThat(config.adminToken())
                .hasValueSatisfying(t -> assertThat(t.matches("s3cret-operator-token")).isTrue());
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(Config.load(null, Map.of(), Map.of(Config.ADMIN_TOKEN.key(), "from-a-flag-0123456")).adminToken())
                .hasValueSatisfying(t -> assertThat(t.matches("from-a-flag-0123456")).isTrue());
    }

    @Test
    void harvestDefaultsArePoliteAndOn() {
        HarvestSettings harvest = Config.load(null, Map.of(), Map.of()).harvest();
        assertThat(harvest.enabled()).isTrue();
        assertThat(harvest.firstRunDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(harvest.startDays()).isEqualTo(7);
        assertThat(harvest.arxivOaiUrl()).isEqualTo(URI.create("https://export.arxiv.org/oai2"));
        assertThat(harvest.arxivApiUrl()).isEqualTo(URI.create("https://export.arxiv.org/api/query"));
        assertThat(harvest.arxivSets()).containsExactly("cs", "stat.ML");
        assertThat(harvest.arxivMetadataPrefix()).isEqualTo("arXivRaw");
        assertThat(harvest.arxivInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(harvest.arxivDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(harvest.hfUrl()).isEqualTo(URI.create("https://huggingface.co"));
        assertThat(harvest.hfInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(harvest.hfDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(harvest.hfLookbackDays()).isEqualTo(3);
        assertThat(harvest.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(harvest.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(harvest.retryAttempts()).isEqualTo(4);
        assertThat(harvest.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(harvest.circuitFailures()).isEqualTo(5);
        assertThat(harvest.circuitOpenFor()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void harvestSettingsComeFromTheEnvironmentAndAreChecked() {
        HarvestSettings harvest = Config.load(null, Map.of("DAILYPAPERS_HARVEST_ENABLED", "false",
                "DAILYPAPERS_HARVEST_ARXIV_SETS", "cs, math.AG ,physics:hep-th",
                "DAILYPAPERS_HARVEST_HF_URL", "http://127.0.0.1:9999",
                "DAILYPAPERS_HARVEST_ARXIV_DELAY_MS", "0"), Map.of()).harvest();
        assertThat(harvest.enabled()).isFalse();
        assertThat(harvest.arxivSets()).containsExactly("cs", "math.AG", "physics:hep-th");
        assertThat(harvest.hfUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(harvest.arxivDelay()).isZero();
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_ENABLED.key(), "maybe")))
                .hasMessage("harvest.enabled must be true or false, got 'maybe'");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_HF_URL.key(), "ftp://x")))
                .hasMessageContaining("harvest.hf.url must be an http(s) URL");
        assertThatThrownBy(() -> Config.load(null, Map.of(),
                Map.of(Config.HARVEST_ARXIV_METADATA_PREFIX.key(), "oai_dc")))
                .hasMessage("harvest.arxiv.metadata.prefix must be one of arXivRaw, arXiv, got 'oai_dc'");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_ARXIV_DELAY_MS.key(), "-1")))
                .hasMessage("harvest.arxiv.delay.ms must not be negative, got -1");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_ARXIV_SETS.key(), "cs,cs;x")))
                .hasMessage("harvest.arxiv.sets must name arXiv sets or categories such as cs, stat.ML or "
                        + "physics:hep-th, got 'cs;x'");
    }

    @Test
    void thumbnailDefaultsFetchFromArxivAsPolitelyAsTheHarvest() {
        Config config = Config.load(null, Map.of(), Map.of());
        ThumbnailSettings thumbnails = config.thumbnails();
        assertThat(thumbnails.enabled()).isTrue();
        assertThat(thumbnails.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(thumbnails.batchSize()).isEqualTo(20);
        assertThat(thumbnails.pdfUrl()).isEqualTo(URI.create("https://arxiv.org/pdf/"));
        assertThat(thumbnails.maxPdfBytes()).isEqualTo(30L * 1024 * 1024);
        assertThat(thumbnails.renderTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(thumbnails.policy()).isEqualTo(config.harvest().arxivPolicy());
        assertThat(thumbnails.policy().minInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void thumbnailSettingsComeFromTheEnvironmentAndAreChecked() {
        ThumbnailSettings thumbnails = Config.load(null, Map.of("DAILYPAPERS_THUMBNAIL_ENABLED", "false",
                "DAILYPAPERS_THUMBNAIL_BATCH_SIZE", "5", "DAILYPAPERS_THUMBNAIL_PDF_MAX_MB", "2",
                "DAILYPAPERS_THUMBNAIL_PDF_URL", "http://127.0.0.1:9999/pdf/"), Map.of()).thumbnails();
        assertThat(thumbnails.enabled()).isFalse();
        assertThat(thumbnails.batchSize()).isEqualTo(5);
        assertThat(thumbnails.maxPdfBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(thumbnails.pdfUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/pdf/"));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.THUMBNAIL_BATCH_SIZE.key(), "0")))
                .hasMessage("thumbnail.batch.size must be at least 1, got 0");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.THUMBNAIL_PDF_URL.key(), "file:///x")))
                .hasMessageContaining("thumbnail.pdf.url must be an http(s) URL");
    }

    @Test
    void mailDefaultsWriteEmlFilesUnderTheDataDirectory() {
        MailSettings mail = Config.load(null, Map.of(), Map.of()).mail();
        assertThat(mail.smtpHost()).isEmpty();
        assertThat(mail.outboxDir()).isEqualTo(Path.of("data", "outbox"));
        assertThat(mail.smtpPort()).isEqualTo(587);
        assertThat(mail.security()).isEqualTo(MailSettings.Security.STARTTLS);
        assertThat(mail.user()).isEmpty();
        assertThat(mail.password()).isEmpty();
        assertThat(mail.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.from()).isEqualTo("Daily Papers <mail@localhost>");
        assertThat(mail.perDomainPerMinute()).isEqualTo(120);
    }

    @Test
    void mailSettingsComeFromTheEnvironmentAreCheckedAndNeverPrintThePassword() {
        Config config = Config.load(null, Map.of("DAILYPAPERS_MAIL_SMTP_HOST", "smtp.example.org",
                "DAILYPAPERS_MAIL_SMTP_PORT", "465", "DAILYPAPERS_MAIL_SMTP_SECURITY", "smtps",
                "DAILYPAPERS_MAIL_SMTP_USER", "papers", "DAILYPAPERS_MAIL_SMTP_PASSWORD", "hunter2-secret",
                "DAILYPAPERS_MAIL_FROM", "papers@example.org", "DAILYPAPERS_MAIL_RATE_DOMAIN_PER_MINUTE", "30"),
                Map.of(Config.DATA_DIR.key(), "/srv/dp"));
        MailSettings mail = config.mail();
        assertThat(mail.perDomainPerMinute()).isEqualTo(30);
        assertThat(mail.smtpHost()).contains("smtp.example.org");
        assertThat(mail.smtpPort()).isEqualTo(465);
        assertThat(mail.security()).isEqualTo(MailSettings.Security.SMTPS);
        assertThat(mail.password()).contains("hunter2-secret");
        assertThat(mail.outboxDir()).isEqualTo(Path.of("/srv/dp", "outbox"));
        assertThat(config.toString()).doesNotContain("hunter2-secret");
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_MAIL_SMTP_SECURITY", "tls"), Map.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("mail.smtp.security must be one of");
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_MAIL_FROM", "a@b.org, c@d.org"), Map.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("mail.from");
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_MAIL_FROM", "a@b.org\r\nBcc: c@d.org"),
                Map.of())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("mail.from");
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_MAIL_RATE_DOMAIN_PER_MINUTE", "0"), Map.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("mail.rate.domain.per.minute");
    }

    @Test
    void sessionsLastThirtyDaysAndAreTouchedEveryFiveMinutesUnlessSetOtherwise() {
        assertThat(Config.load(null, Map.of(), Map.of()).accounts()).extracting(AccountSettings::sessionLifetime,
                AccountSettings::touchInterval).containsExactly(Duration.ofDays(30), Duration.ofMinutes(5));
        assertThat(Config.load(null, Map.of("DAILYPAPERS_ACCOUNT_SESSION_DAYS", "7",
                "DAILYPAPERS_ACCOUNT_SESSION_TOUCH_MINUTES", "0"), Map.of()).accounts())
                .extracting(AccountSettings::sessionLifetime, AccountSettings::touchInterval)
                .containsExactly(Duration.ofDays(7), Duration.ZERO);
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.ACCOUNT_SESSION_DAYS.key(), "0")))
                .hasMessage("account.session.days must be at least 1, got 0");
    }

    @Test
    void emailedLinksStartAtTheBaseUrlAndLastADayToConfirmAnAddressAndAnHourOtherwise() {
        AccountSettings defaults = Config.load(null, Map.of(), Map.of()).accounts();
        assertThat(defaults.siteUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(defaults.linkLifetimes()).isEqualTo(AccountSettings.DEFAULT_LINK_LIFETIMES);
        assertThat(defaults.limits()).isEqualTo(AccountSettings.Limits.DEFAULT);
        assertThat(Config.load(null, Map.of(), Map.of("http.port", "9000")).accounts().siteUrl())
                .isEqualTo(URI.create("http://localhost:9000"));

        AccountSettings set = Config.load(null, Map.of("DAILYPAPERS_HTTP_BASE_URL", "https://papers.example.org",
                "DAILYPAPERS_ACCOUNT_LINK_VERIFY_HOURS", "48", "DAILYPAPERS_ACCOUNT_LINK_RESET_MINUTES", "15",
                "DAILYPAPERS_ACCOUNT_LINK_SIGNIN_MINUTES", "10", "DAILYPAPERS_ACCOUNT_LIMIT_WINDOW_MINUTES", "30",
                "DAILYPAPERS_ACCOUNT_LIMIT_SIGNIN_IP", "1", "DAILYPAPERS_ACCOUNT_LIMIT_SIGNIN_EMAIL", "2",
                "DAILYPAPERS_ACCOUNT_LIMIT_SIGNUP_IP", "3", "DAILYPAPERS_ACCOUNT_LIMIT_MAIL_IP", "4",
                "DAILYPAPERS_ACCOUNT_LIMIT_MAIL_EMAIL", "5"), Map.of()).accounts();
        assertThat(set.siteUrl()).isEqualTo(URI.create("https://papers.example.org"));
        assertThat(set.linkLifetimes()).isEqualTo(Map.of(LinkPurpose.VERIFY_EMAIL, Duration.ofHours(48),
                LinkPurpose.CHANGE_EMAIL, Duration.ofHours(48), LinkPurpose.RESET_PASSWORD, Duration.ofMinutes(15),
                LinkPurpose.SIGN_IN, Duration.ofMinutes(10)));
        assertThat(set.limits()).isEqualTo(new AccountSettings.Limits(1, 2, 3, 4, 5, Duration.ofMinutes(30)));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of("http.base.url", "ftp://x")))
                .hasMessageContaining("http.base.url");
    }

    @Test
    void membersSubmitPapersAWeekOldThreeADayWithoutAClaimUnlessSetOtherwise() {
        assertThat(Config.load(null, Map.of(), Map.of()).submissions())
                .isEqualTo(new SubmissionSettings(7, 3, false));
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SUBMISSION_MAX_AGE_DAYS", "0",
                "DAILYPAPERS_SUBMISSION_DAILY_CAP", "10", "DAILYPAPERS_SUBMISSION_REQUIRE_CLAIM", "true"), Map.of())
                .submissions()).isEqualTo(new SubmissionSettings(0, 10, true));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SUBMISSION_DAILY_CAP.key(), "0")))
                .hasMessage("submission.daily.cap must be at least 1, got 0");
    }

    @Test
    void commentsAreLimitedToTenPerMemberAndThirtyPerAddressInTenMinutesUnlessSetOtherwise() {
        assertThat(Config.load(null, Map.of(), Map.of()).comments())
                .isEqualTo(new CommentSettings(10, 30, Duration.ofMinutes(10)));
        assertThat(new Config(Path.of("data"), Config.load(null, Map.of(), Map.of()).database(), "127.0.0.1", 0)
                .comments()).isEqualTo(new CommentSettings(10, 30, Duration.ofMinutes(10)));
        assertThat(Config.load(null, Map.of("DAILYPAPERS_COMMENT_RATE_MEMBER", "3",
                "DAILYPAPERS_COMMENT_RATE_ADDRESS", "5", "DAILYPAPERS_COMMENT_RATE_WINDOW_MINUTES", "60"), Map.of())
                .comments()).isEqualTo(new CommentSettings(3, 5, Duration.ofMinutes(60)));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.COMMENT_RATE_MEMBER.key(), "0")))
                .hasMessage("comment.rate.member must be at least 1, got 0");
    }

    @Test
    void logLinesAreTextUnlessJsonIsAsked() {
        assertThat(Config.load(null, Map.of(), Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(Config.load(null, Map.of("DAILYPAPERS_LOG_FORMAT", "json"), Map.of()).logFormat())
                .isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.LOG_FORMAT.key(), "xml")))
                .hasMessage("log.format must be one of text, json, got 'xml'");
    }

    @Test
    void thePageCacheHoldsSixtyFourMegabytesUnlessSetOtherwiseAndZeroTurnsItOff() {
        assertThat(Config.load(null, Map.of(), Map.of()).httpCacheBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(new Config(Path.of("data"), Config.load(null, Map.of(), Map.of()).database(), "127.0.0.1", 0)
                .httpCacheBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(Config.load(null, Map.of("DAILYPAPERS_HTTP_CACHE_MB", "0"), Map.of()).httpCacheBytes()).isZero();
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HTTP_CACHE_MB.key(), "-1")))
                .hasMessage("http.cache.mb must not be negative, got -1");
    }

    @Test
    void hybridFusionAndTheTokenLimitAreSettings() {
        Config defaults = Config.load(null, Map.of(), Map.of());
        assertThat(defaults.search().modelName()).contains("bge-small-en-v1.5-q/" + OnnxEncoder.DEFAULT_MAX_TOKENS);
        assertThat(defaults.search().tuning()).isEqualTo(new Ranker.Tuning(new Fusion.Convex(0.07), 200));
        Config convex = Config.load(null, Map.of("DAILYPAPERS_SEARCH_FUSION_KEYWORD_WEIGHT", "0.25",
                "DAILYPAPERS_SEARCH_CANDIDATES", "300", "DAILYPAPERS_SEARCH_MODEL_TOKENS", "512"), Map.of());
        assertThat(convex.search().tuning()).isEqualTo(new Ranker.Tuning(new Fusion.Convex(0.25), 300));
        assertThat(convex.search().modelName()).contains("bge-small-en-v1.5-q/512");
        assertThat(Config.load(null, Map.of(), Map.of(Config.SEARCH_FUSION.key(), "rrf")).search().tuning())
                .as("rrf's own default weight, 0.5: the original method")
                .isEqualTo(new Ranker.Tuning(new Fusion.ReciprocalRank(60, 0.5), 200));
        assertThat(Config.load(null, Map.of(), Map.of(Config.SEARCH_FUSION.key(), "rrf",
                Config.SEARCH_FUSION_RRF_K.key(), "20", Config.SEARCH_FUSION_KEYWORD_WEIGHT.key(), "0.4"))
                .search().tuning().fusion()).isEqualTo(new Fusion.ReciprocalRank(20, 0.4));
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_CANDIDATES.key(), "5")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("search.candidates must be between");
        assertThatThrownBy(() -> Config.load(null, Map.of(),
                Map.of(Config.SEARCH_FUSION_KEYWORD_WEIGHT.key(), "1.5")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("search.fusion.keyword.weight must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_FUSION.key(), "max")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("must be one of rrf, convex");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_MODEL_TOKENS.key(), "1024")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("search.model.tokens must be between");
    }

    @Test
    void settingsBuiltInCodeDoNotHarvest() {
        Config config = new Config(Path.of("data"), Config.load(null, Map.of(), Map.of()).database(), "127.0.0.1", 0);
        assertThat(config.harvest().enabled()).isFalse();
        assertThat(config.thumbnails().enabled()).isFalse();
        assertThat(config.search().model()).isEmpty();
        assertThat(config.search().engine()).isEqualTo(SearchEngine.LUCENE);
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.withHttpPort(9000).httpPort()).isEqualTo(9000);
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(Config.SETTINGS).extracting(Setting::environmentVariable).containsExactly(
                "DAILYPAPERS_DATA_DIR", "DAILYPAPERS_DATABASE_URL", "DAILYPAPERS_DATABASE_USER",
                "DAILYPAPERS_DATABASE_PASSWORD", "DAILYPAPERS_DATABASE_POOL_SIZE",
                "DAILYPAPERS_DATABASE_CONNECTION_TIMEOUT_MS", "DAILYPAPERS_JOB_LEASE_SECONDS",
                "DAILYPAPERS_UPGRADE_BACKUP_DIR",
                "DAILYPAPERS_HTTP_HOST",
                "DAILYPAPERS_HTTP_PORT", "DAILYPAPERS_HTTP_TRUSTED_PROXIES", "DAILYPAPERS_HTTP_CACHE_MB",
                "DAILYPAPERS_HTTP_MAX_CONCURRENT_REQUESTS",
                "DAILYPAPERS_HTTP_MAX_QUEUED_REQUESTS", "DAILYPAPERS_HTTP_QUEUE_TIMEOUT_MS",
                "DAILYPAPERS_HTTP_IDLE_TIMEOUT_SECONDS", "DAILYPAPERS_ADMIN_TOKEN", "DAILYPAPERS_SEARCH_ENGINE",
                "DAILYPAPERS_SEARCH_SOLR_URLS", "DAILYPAPERS_SEARCH_SOLR_COLLECTION", "DAILYPAPERS_SEARCH_SOLR_SHARDS",
                "DAILYPAPERS_SEARCH_SOLR_REPLICAS", "DAILYPAPERS_SEARCH_MODEL", "DAILYPAPERS_SEARCH_MODEL_TOKENS", "DAILYPAPERS_SEARCH_EMBEDDING_THREADS",
                "DAILYPAPERS_SEARCH_FUSION", "DAILYPAPERS_SEARCH_FUSION_KEYWORD_WEIGHT",
                "DAILYPAPERS_SEARCH_FUSION_RRF_K",
                "DAILYPAPERS_SEARCH_CANDIDATES", "DAILYPAPERS_HARVEST_ENABLED",
                "DAILYPAPERS_HARVEST_FIRST_RUN_DELAY_SECONDS", "DAILYPAPERS_HARVEST_START_DAYS",
                "DAILYPAPERS_HARVEST_ARXIV_OAI_URL", "DAILYPAPERS_HARVEST_ARXIV_API_URL",
                "DAILYPAPERS_HARVEST_ARXIV_SETS", "DAILYPAPERS_HARVEST_ARXIV_METADATA_PREFIX",
                "DAILYPAPERS_HARVEST_ARXIV_INTERVAL_MINUTES", "DAILYPAPERS_HARVEST_ARXIV_DELAY_MS",
                "DAILYPAPERS_HARVEST_HF_URL", "DAILYPAPERS_HARVEST_HF_INTERVAL_MINUTES",
                "DAILYPAPERS_HARVEST_HF_DELAY_MS", "DAILYPAPERS_HARVEST_HF_LOOKBACK_DAYS",
                "DAILYPAPERS_HARVEST_HTTP_CONNECT_TIMEOUT_SECONDS", "DAILYPAPERS_HARVEST_HTTP_READ_TIMEOUT_SECONDS",
                "DAILYPAPERS_HARVEST_RETRY_ATTEMPTS", "DAILYPAPERS_HARVEST_RETRY_BACKOFF_MS",
                "DAILYPAPERS_HARVEST_CIRCUIT_FAILURES", "DAILYPAPERS_HARVEST_CIRCUIT_OPEN_MINUTES",
                "DAILYPAPERS_THUMBNAIL_ENABLED", "DAILYPAPERS_THUMBNAIL_INTERVAL_MINUTES",
                "DAILYPAPERS_THUMBNAIL_BATCH_SIZE", "DAILYPAPERS_THUMBNAIL_PDF_URL", "DAILYPAPERS_THUMBNAIL_PDF_MAX_MB",
                "DAILYPAPERS_THUMBNAIL_RENDER_TIMEOUT_SECONDS", "DAILYPAPERS_MAIL_SMTP_HOST",
                "DAILYPAPERS_MAIL_SMTP_PORT", "DAILYPAPERS_MAIL_SMTP_SECURITY", "DAILYPAPERS_MAIL_SMTP_USER",
                "DAILYPAPERS_MAIL_SMTP_PASSWORD", "DAILYPAPERS_MAIL_SMTP_TIMEOUT_SECONDS", "DAILYPAPERS_MAIL_FROM",
                "DAILYPAPERS_MAIL_RATE_DOMAIN_PER_MINUTE",
                "DAILYPAPERS_ACCOUNT_SESSION_DAYS", "DAILYPAPERS_ACCOUNT_SESSION_TOUCH_MINUTES",
                "DAILYPAPERS_HTTP_BASE_URL", "DAILYPAPERS_ACCOUNT_LINK_VERIFY_HOURS",
                "DAILYPAPERS_ACCOUNT_LINK_RESET_MINUTES", "DAILYPAPERS_ACCOUNT_LINK_SIGNIN_MINUTES",
                "DAILYPAPERS_ACCOUNT_LIMIT_WINDOW_MINUTES", "DAILYPAPERS_ACCOUNT_LIMIT_SIGNIN_IP",
                "DAILYPAPERS_ACCOUNT_LIMIT_SIGNIN_EMAIL", "DAILYPAPERS_ACCOUNT_LIMIT_SIGNUP_IP",
                "DAILYPAPERS_ACCOUNT_LIMIT_MAIL_IP", "DAILYPAPERS_ACCOUNT_LIMIT_MAIL_EMAIL",
                "DAILYPAPERS_SUBMISSION_MAX_AGE_DAYS", "DAILYPAPERS_SUBMISSION_DAILY_CAP",
                "DAILYPAPERS_SUBMISSION_REQUIRE_CLAIM",
                "DAILYPAPERS_COMMENT_RATE_MEMBER", "DAILYPAPERS_COMMENT_RATE_ADDRESS",
                "DAILYPAPERS_COMMENT_RATE_WINDOW_MINUTES", "DAILYPAPERS_DIGEST_ENABLED", "DAILYPAPERS_DIGEST_HOUR",
                "DAILYPAPERS_DIGEST_LINK_CONFIRM_HOURS", "DAILYPAPERS_DIGEST_LINK_PREFERENCES_DAYS",
                "DAILYPAPERS_DIGEST_LOOKBACK_DAYS", "DAILYPAPERS_DIGEST_SECTION_SIZE",
                "DAILYPAPERS_DIGEST_LIMIT_SUBSCRIBE_IP", "DAILYPAPERS_DIGEST_LIMIT_SUBSCRIBE_EMAIL",
                "DAILYPAPERS_LOG_FORMAT");
    }

    @Test
    void everySettingConstantIsInTheList() throws IllegalAccessException {
        List<Object> constants = new ArrayList<>();
        for (Field field : Config.class.getFields()) {
            if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
                constants.add(field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(Config.SETTINGS);
    }

    @Test
    void everyDefaultIsValidAndDocumented() {
        for (Setting<?> setting : Config.SETTINGS) {
            assertThat(setting.fallback().apply(Setting.Values.DEFAULTS)).as(setting.key()).isNotNull();
            assertThat(setting.description()).as(setting.key()).isNotBlank().doesNotEndWith(".")
                    .doesNotContain("|", "%", "<");
            assertThat(setting.defaultText()).as(setting.key()).isNotBlank();
        }
        assertThat(Config.SETTINGS).filteredOn(setting -> setting.flag().isPresent())
                .extracting(setting -> setting.flag().orElseThrow()).containsExactly("--data-dir", "--database-url",
                        "--database-user", "--database-password", "serve --host", "serve --port",
                        "ingest arxiv --set");
    }

    @Test
    void theReadmeTableListsEverySetting() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(TABLE_BEGIN);
        int end = text.indexOf(TABLE_END);
        assertThat(begin).as("README.md has the markers " + TABLE_BEGIN + " and " + TABLE_END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = TABLE_BEGIN + "\n" + readmeTable();
        String actual = text.substring(begin, end);
        if (!actual.equals(expected) && Boolean.getBoolean("updateReadme")) {
            Files.writeString(readme, text.substring(0, begin) + expected + text.substring(end));
            return;
        }
        assertThat(actual).as("README.md's Configuration table differs from Config.SETTINGS; rewrite it with "
                + "mvn -o test -Dtest=ConfigTest -DupdateReadme=true, or paste the expected table").isEqualTo(expected);
    }

    /** The Configuration table as the README shows it, one row per setting. */
    private static String readmeTable() {
        StringBuilder table = new StringBuilder("| key | environment | flag | default | description |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (Setting<?> setting : Config.SETTINGS) {
            table.append("| `").append(setting.key()).append("` | `").append(setting.environmentVariable())
                    .append("` | ").append(setting.flag().map(flag -> "`" + flag + "`").orElse("")).append(" | ")
                    .append(setting.defaultText()).append(" | ").append(setting.description()).append(" |\n");
        }
        return table.toString();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dailypapers.properties");
        Files.writeString(file, "http.port=9000\nhttp.host=127.0.0.1\ndata.dir=/srv/papers\n");
        Config config = Config.load(file, Map.of("DAILYPAPERS_HTTP_PORT", "9100", "DAILYPAPERS_DATA_DIR", " "),
                Map.of(Config.HTTP_HOST.key(), "::1"));
        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.httpHost()).isEqualTo("::1");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/papers"));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:/srv/papers/dailypapers.db");
    }

    @Test
    void badPortNamesTheKey() {
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_HTTP_PORT", "eighty"), Map.of()))
                .hasMessage("http.port must be a whole number, got 'eighty'");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HTTP_PORT.key(), "70000")))
                .hasMessage("http.port must be between 0 and 65535, got 70000");
    }

    @Test
    void unknownDatabaseSchemeIsRefused() {
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.DATABASE_URL.key(), "jdbc:mysql://x/y")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:");
    }

    @Test
    void unknownKeysInTheFileAreReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "http.prot=9000\n");
        assertThatThrownBy(() -> Config.load(file, Map.of(), Map.of())).hasMessageContaining("http.prot");
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> Config.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .hasMessageContaining("cannot read config file");
    }
}
