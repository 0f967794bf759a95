package dailypapers.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThumbnailJobTest {

    @Test
    void theWaitAfterAFailureDoublesFromAnHourUpToAWeek() {
        assertThat(ThumbnailJob.backoff(1)).isEqualTo(Duration.ofHours(1));
        assertThat(ThumbnailJob.backoff(2)).isEqualTo(Duration.ofHours(2));
        assertThat(ThumbnailJob.backoff(4)).isEqualTo(Duration.ofHours(8));
        assertThat(ThumbnailJob.backoff(8)).isEqualTo(Duration.ofHours(128));
        assertThat(ThumbnailJob.backoff(9)).isEqualTo(Duration.ofDays(7));
        assertThat(ThumbnailJob.backoff(1_000)).isEqualTo(Duration.ofDays(7));
    }
}
