package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.ingest.HarvestSettings;
import dailypapers.embedding.EncoderModel;
import dailypapers.search.SearchEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void defaultsServeSqliteUnderDataOnPort8080() {
        Config config = Config.load(null, Map.of(), Map.of());
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:" + Path.of("data", "dailypapers.db"));
        assertThat(config.database().poolSize()).isEqualTo(8);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.searchModel()).contains(EncoderModel.BGE_SMALL_EN_V15_Q);
    }

    @Test
    void searchModelCanBeSwitchedOrTurnedOff() {
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q"), Map.of())
                .searchModel()).contains(EncoderModel.ALL_MINILM_L6_V2_Q);
        assertThat(Config.load(null, Map.of(), Map.of(Config.SEARCH_MODEL, "none")).searchModel()).isEmpty();
        assertThat(Config.load(null, Map.of(), Map.of()).embeddingThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SEARCH_EMBEDDING_THREADS", "1"), Map.of())
                .embeddingThreads()).isEqualTo(1);
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_EMBEDDING_THREADS, "0")))
                .hasMessageContaining("search.embedding.threads");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_MODEL, "gpt")))
                .hasMessageContaining("search.model must be one of").hasMessageContaining("got 'gpt'");
    }

    @Test
    void searchEngineIsLuceneAndAnyOtherNameIsAnErrorNamingTheKeyAndTheChoices() {
        assertThat(Config.load(null, Map.of(), Map.of()).searchEngine()).isEqualTo(SearchEngine.LUCENE);
        assertThat(Config.load(null, Map.of("DAILYPAPERS_SEARCH_ENGINE", "Lucene"), Map.of()).searchEngine())
                .isEqualTo(SearchEngine.LUCENE);
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.SEARCH_ENGINE, "solr")))
                .hasMessage("search.engine must be one of [lucene], got 'solr'");
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
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_ENABLED, "maybe")))
                .hasMessage("harvest.enabled must be true or false, got 'maybe'");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_HF_URL, "ftp://x")))
                .hasMessageContaining("harvest.hf.url must be an http(s) URL");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_ARXIV_METADATA_PREFIX, "oai_dc")))
                .hasMessageContaining("arXiv or arXivRaw");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HARVEST_ARXIV_DELAY_MS, "-1")))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void settingsBuiltInCodeDoNotHarvest() {
        Config config = new Config(Path.of("data"), Config.load(null, Map.of(), Map.of()).database(), "127.0.0.1", 0);
        assertThat(config.harvest().enabled()).isFalse();
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(Config.KEYS).extracting(Config::environmentName).containsExactlyInAnyOrder(
                "DAILYPAPERS_DATA_DIR", "DAILYPAPERS_DATABASE_URL", "DAILYPAPERS_DATABASE_USER",
                "DAILYPAPERS_DATABASE_PASSWORD", "DAILYPAPERS_DATABASE_POOL_SIZE", "DAILYPAPERS_HTTP_HOST",
                "DAILYPAPERS_HTTP_PORT", "DAILYPAPERS_HARVEST_ENABLED", "DAILYPAPERS_HARVEST_FIRST_RUN_DELAY_SECONDS",
                "DAILYPAPERS_HARVEST_START_DAYS",
                "DAILYPAPERS_HARVEST_ARXIV_OAI_URL", "DAILYPAPERS_HARVEST_ARXIV_API_URL",
                "DAILYPAPERS_HARVEST_ARXIV_SETS", "DAILYPAPERS_HARVEST_ARXIV_METADATA_PREFIX",
                "DAILYPAPERS_HARVEST_ARXIV_INTERVAL_MINUTES", "DAILYPAPERS_HARVEST_ARXIV_DELAY_MS",
                "DAILYPAPERS_HARVEST_HF_URL", "DAILYPAPERS_HARVEST_HF_INTERVAL_MINUTES",
                "DAILYPAPERS_HARVEST_HF_DELAY_MS", "DAILYPAPERS_HARVEST_HF_LOOKBACK_DAYS",
                "DAILYPAPERS_HARVEST_HTTP_CONNECT_TIMEOUT_SECONDS", "DAILYPAPERS_HARVEST_HTTP_READ_TIMEOUT_SECONDS",
                "DAILYPAPERS_HARVEST_RETRY_ATTEMPTS", "DAILYPAPERS_HARVEST_RETRY_BACKOFF_MS",
                "DAILYPAPERS_HARVEST_CIRCUIT_FAILURES", "DAILYPAPERS_HARVEST_CIRCUIT_OPEN_MINUTES",
                "DAILYPAPERS_SEARCH_MODEL", "DAILYPAPERS_SEARCH_EMBEDDING_THREADS", "DAILYPAPERS_SEARCH_ENGINE");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dailypapers.properties");
        Files.writeString(file, "http.port=9000\nhttp.host=127.0.0.1\ndata.dir=/srv/papers\n");
        Config config = Config.load(file, Map.of("DAILYPAPERS_HTTP_PORT", "9100"), Map.of(Config.HTTP_HOST, "::1"));
        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.httpHost()).isEqualTo("::1");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/papers"));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:/srv/papers/dailypapers.db");
    }

    @Test
    void badPortNamesTheKey() {
        assertThatThrownBy(() -> Config.load(null, Map.of("DAILYPAPERS_HTTP_PORT", "eighty"), Map.of()))
                .hasMessage("http.port must be a whole number, got 'eighty'");
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.HTTP_PORT, "70000")))
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void unknownDatabaseSchemeIsRefused() {
        assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of(Config.DATABASE_URL, "jdbc:mysql://x/y")))
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:");
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
