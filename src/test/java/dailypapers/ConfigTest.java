package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(Config.KEYS).extracting(Config::environmentName).containsExactlyInAnyOrder(
                "DAILYPAPERS_DATA_DIR", "DAILYPAPERS_DATABASE_URL", "DAILYPAPERS_DATABASE_USER",
                "DAILYPAPERS_DATABASE_PASSWORD", "DAILYPAPERS_DATABASE_POOL_SIZE", "DAILYPAPERS_HTTP_HOST",
                "DAILYPAPERS_HTTP_PORT");
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
