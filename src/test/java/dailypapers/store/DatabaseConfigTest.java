package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void neitherThePasswordNorTheUrlsQueryStringIsEverShown() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://db:5432/papers?password=hunter2", "papers",
                "s3cret", 8);

        assertThat(config.description()).isEqualTo("jdbc:postgresql://db:5432/papers");
        assertThat(config.toString()).contains("jdbc:postgresql://db:5432/papers", "papers")
                .doesNotContain("hunter2", "s3cret");
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://db/papers?password=hunter2", null, null, 8))
                .hasMessageNotContaining("hunter2");
    }
}
