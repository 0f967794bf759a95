package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionsTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__[^.]*\\.(sql|class)");

    /** A new migration, SQL or Java, must move LATEST too: upgrades, backups and version read it. */
    @Test
    void latestIsTheHighestMigrationOfEitherDialect() throws IOException, URISyntaxException {
        int highest = new TrendingScoreMigration(true).getVersion().getMajor().intValue();
        for (String folder : new String[] {"db/migration", "db/sqlite", "db/postgresql"}) {
            Path path = Path.of(SchemaVersionsTest.class.getClassLoader().getResource(folder).toURI());
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.toList()) {
                    Matcher matcher = VERSION.matcher(file.getFileName().toString());
                    assertThat(matcher.matches()).as(file.toString()).isTrue();
                    highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                }
            }
        }
        assertThat(SchemaVersions.LATEST).isEqualTo(highest);
    }
}
